"""The Content-Security-Policy of everything the ward publishes.

The theme's base.html writes ``SITE_POLICY`` (a test keeps them equal). The forward bundle carries
the same policy less the site's own scripts (the offline reader's registration and its worker: a
bundle runs nothing), with ``'unsafe-inline'`` styles only because its print styles are in the page.
"""

_SITE_SCRIPTS = "script-src 'self'; worker-src 'self'; "
SITE_POLICY = (
    "default-src 'none'; " + _SITE_SCRIPTS
    + "img-src 'self'; style-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; "
    "form-action 'self'"
)
CONTENT_SECURITY_POLICY = SITE_POLICY.replace(_SITE_SCRIPTS, "").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)
