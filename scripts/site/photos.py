"""Put into output/ the variants of the photos published stories show, and nothing else.

Pelican's StaticGenerator is not used for photos: it copies files byte for byte (with their
Exif GPS position) by rules on paths. Here each story's declared photos, already judged and
re-encoded by scripts/images/, are written under images/<key>/; the cleanup sweep removes
whatever a withdrawn story left behind.
"""

from __future__ import annotations

import os
import shutil

from scripts.images.library import PhotoLibrary
from scripts.site import cleanup
from scripts.site.story import Photo


def publish(articles, library: PhotoLibrary, output: str, extra: tuple[Photo, ...] = ()) -> None:
    """The photos of ``articles`` and the ``extra`` ones (the banner's emblem)."""
    for photo in [p for article in articles for p in article.story.photos] + list(extra):
        # The content cache kept the story but cache/images/ was emptied or a variant damaged:
        # make them again.
        processed = library.cached(photo.processed.key) or library.process(photo.src)
        for variant in processed.variants:
            source = library.file_of(processed, variant)
            target = os.path.join(output, processed.url(variant))
            # Names are content hashes: a file already there with the same size is the same.
            if not os.path.isfile(target) or os.path.getsize(target) != os.path.getsize(source):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(source, target)
            cleanup.record(target)
