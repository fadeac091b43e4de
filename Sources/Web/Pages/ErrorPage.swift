/// What the error page shows.
struct ErrorPage {
    /// The `lang` attribute.
    let lang: String
    /// The page title.
    let title: String
    /// The header text.
    let brand: String
    /// The label of the link home.
    let homeLabel: String
    /// What went wrong, in the page language.
    let headline: String
    /// The same in the other language.
    let alternate: String
    /// The error message.
    let message: String
    /// The stable error code.
    let code: String
    /// The HTTP status code.
    let status: Int
}
