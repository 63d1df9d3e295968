"""What leaves the ward: the one Markdown renderer and sanitizer, and the public view of a story."""
