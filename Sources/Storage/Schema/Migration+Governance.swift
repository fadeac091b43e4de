extension Migration {
    /// Parties of a platform, their qualification documents, blacklist entries, imported
    /// regulator lists, and onboarding reviews with their decisions. Lists of strings and a
    /// review's evaluation are JSON text: they are read and written whole, never queried into.
    /// At most one open review per party (a partial unique index).
    ///
    /// Distribution: every governance table but `violation_listings` is keyed by the platform
    /// (directly or through its party) and small next to product data; they are reference
    /// tables replicated to every node, like `organisations`. `violation_listings` is national
    /// data keyed by credit code.
    static let governance = Migration(
        name: "0006_governance",
        sqlite: [
            """
            CREATE TABLE parties (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                platform_id INTEGER NOT NULL REFERENCES organisations(id),
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                credit_code TEXT,
                categories TEXT NOT NULL,
                parent_id INTEGER REFERENCES parties(id),
                standing TEXT NOT NULL,
                created_at INTEGER NOT NULL
            )
            """,
            "CREATE INDEX parties_by_platform ON parties (platform_id, id)",
            """
            CREATE TABLE qualification_documents (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                party_id INTEGER NOT NULL REFERENCES parties(id),
                kind TEXT NOT NULL,
                issuer TEXT NOT NULL,
                number TEXT NOT NULL,
                valid_from TEXT NOT NULL,
                valid_until TEXT,
                filed_at INTEGER NOT NULL
            )
            """,
            "CREATE INDEX qualification_documents_by_party ON qualification_documents (party_id, id)",
            """
            CREATE TABLE blacklist_entries (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                platform_id INTEGER NOT NULL REFERENCES organisations(id),
                party_id INTEGER REFERENCES parties(id),
                credit_code TEXT,
                reason TEXT NOT NULL,
                evidence TEXT NOT NULL,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                status TEXT NOT NULL,
                added_by TEXT NOT NULL,
                added_at INTEGER NOT NULL,
                CHECK (party_id IS NOT NULL OR credit_code IS NOT NULL)
            )
            """,
            "CREATE INDEX blacklist_entries_by_platform ON blacklist_entries (platform_id, id)",
            """
            CREATE TABLE violation_listings (
                credit_code TEXT NOT NULL,
                list TEXT NOT NULL,
                listed_on TEXT NOT NULL,
                name TEXT NOT NULL,
                removed_on TEXT,
                authority TEXT NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (credit_code, list, listed_on)
            )
            """,
            """
            CREATE TABLE onboarding_reviews (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                party_id INTEGER NOT NULL REFERENCES parties(id),
                platform_id INTEGER NOT NULL REFERENCES organisations(id),
                evaluation TEXT NOT NULL,
                status TEXT NOT NULL,
                opened_by TEXT NOT NULL,
                opened_at INTEGER NOT NULL
            )
            """,
            "CREATE INDEX onboarding_reviews_by_party ON onboarding_reviews (party_id, id)",
            "CREATE UNIQUE INDEX onboarding_reviews_one_open ON onboarding_reviews (party_id) WHERE status = 'open'",
            """
            CREATE TABLE review_decisions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                review_id INTEGER NOT NULL REFERENCES onboarding_reviews(id),
                outcome TEXT NOT NULL,
                decided_by TEXT NOT NULL,
                reason TEXT,
                overridden_rules TEXT NOT NULL,
                rule_set_version TEXT NOT NULL,
                decided_at INTEGER NOT NULL
            )
            """,
            "CREATE INDEX review_decisions_by_review ON review_decisions (review_id, id)",
        ],
        postgres: [
            """
            CREATE TABLE parties (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                platform_id bigint NOT NULL REFERENCES organisations(id),
                kind text NOT NULL,
                name text NOT NULL,
                credit_code text,
                categories text NOT NULL,
                parent_id bigint REFERENCES parties(id),
                standing text NOT NULL,
                created_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX parties_by_platform ON parties (platform_id, id)",
            """
            CREATE TABLE qualification_documents (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                party_id bigint NOT NULL REFERENCES parties(id),
                kind text NOT NULL,
                issuer text NOT NULL,
                number text NOT NULL,
                valid_from date NOT NULL,
                valid_until date,
                filed_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX qualification_documents_by_party ON qualification_documents (party_id, id)",
            """
            CREATE TABLE blacklist_entries (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                platform_id bigint NOT NULL REFERENCES organisations(id),
                party_id bigint REFERENCES parties(id),
                credit_code text,
                reason text NOT NULL,
                evidence text NOT NULL,
                starts_on date NOT NULL,
                ends_on date NOT NULL,
                status text NOT NULL,
                added_by text NOT NULL,
                added_at timestamptz NOT NULL,
                CHECK (party_id IS NOT NULL OR credit_code IS NOT NULL)
            )
            """,
            "CREATE INDEX blacklist_entries_by_platform ON blacklist_entries (platform_id, id)",
            """
            CREATE TABLE violation_listings (
                credit_code text NOT NULL,
                list text NOT NULL,
                listed_on date NOT NULL,
                name text NOT NULL,
                removed_on date,
                authority text NOT NULL,
                reason text NOT NULL,
                PRIMARY KEY (credit_code, list, listed_on)
            )
            """,
            """
            CREATE TABLE onboarding_reviews (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                party_id bigint NOT NULL REFERENCES parties(id),
                platform_id bigint NOT NULL REFERENCES organisations(id),
                evaluation text NOT NULL,
                status text NOT NULL,
                opened_by text NOT NULL,
                opened_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX onboarding_reviews_by_party ON onboarding_reviews (party_id, id)",
            "CREATE UNIQUE INDEX onboarding_reviews_one_open ON onboarding_reviews (party_id) WHERE status = 'open'",
            """
            CREATE TABLE review_decisions (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                review_id bigint NOT NULL REFERENCES onboarding_reviews(id),
                outcome text NOT NULL,
                decided_by text NOT NULL,
                reason text,
                overridden_rules text NOT NULL,
                rule_set_version text NOT NULL,
                decided_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX review_decisions_by_review ON review_decisions (review_id, id)",
        ]
    )
}
