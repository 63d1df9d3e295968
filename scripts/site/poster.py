"""QR codes for the A4 posters: each story's public address as an inline SVG (segno).

A poster is printed and pinned on a residential group's noticeboard; the code takes a reader
from the paper to the story. Only an absolute address is worth encoding, so a build without a
public SITEURL (a local preview) makes posters without a code.
"""

from __future__ import annotations

import segno

from scripts.common.parallel import fork_map

TITLE = "Mã QR dẫn đến bài viết trên chuyên mục"


def qr_svg(address: str) -> str:
    """The SVG element of ``address``'s QR code: no XML declaration, no size (CSS sets it).

    Medium error correction survives a scuffed or rained-on print; the code is drawn as one
    path (no inline style), so a page's Content-Security-Policy has nothing to block.
    """
    code = segno.make(address, error="m", micro=False, boost_error=False)
    return code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None, title=TITLE, dark="#000",
        light="#fff",
    )


def qr_codes(addresses: list[str]) -> list[str]:
    """``qr_svg`` of every address, on every core: segno takes a few milliseconds a code."""
    return fork_map(qr_svg, addresses)
