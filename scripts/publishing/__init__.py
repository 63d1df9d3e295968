"""What leaves the ward as HTML: the one Markdown renderer and sanitizer, and the pages' policy."""
