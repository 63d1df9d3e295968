"""The Content-Security-Policy of everything the ward publishes.

The theme's base.html writes the same policy (a test keeps them equal); the forward bundle
carries it too, with ``'unsafe-inline'`` styles only because its print styles are in the page.
"""

SITE_POLICY = (
    "default-src 'none'; img-src 'self'; style-src 'self'; font-src 'self'; connect-src 'self'; "
    "base-uri 'none'; "
    "form-action 'self'"
)
CONTENT_SECURITY_POLICY = SITE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
