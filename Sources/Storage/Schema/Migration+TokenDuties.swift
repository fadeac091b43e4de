extension Migration {
    /// The governance duty (reviewer, CQO, …) an API token acts with: organisations have roles,
    /// the people holding their tokens have duties. A token without a row has none, except
    /// that a regulator's tokens read as `regulator`. A reference table, like `api_tokens`.
    static let tokenDuties = Migration(
        name: "0007_token_duties",
        sqlite: [
            """
            CREATE TABLE token_duties (
                token_digest TEXT PRIMARY KEY REFERENCES api_tokens(digest),
                duty TEXT NOT NULL
            )
            """
        ],
        postgres: [
            """
            CREATE TABLE token_duties (
                token_digest text PRIMARY KEY REFERENCES api_tokens(digest),
                duty text NOT NULL
            )
            """
        ]
    )
}
