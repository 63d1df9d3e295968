"""Files attached to an issue: fetched only from GitHub's own attachment host, size-limited,
and judged by their bytes before anything is written into the repository."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

MAX_BYTES = 15 * 1024 * 1024
"""A phone photo is a few megabytes; anything larger is refused before it is read whole."""
_ATTACHMENT_PATHS = ("/user-attachments/assets/", "/user-attachments/files/")
# Where github.com redirects an attachment's download (signed, short-lived addresses).
_REDIRECT_HOSTS = ("github.com", "private-user-images.githubusercontent.com",
                   "objects.githubusercontent.com", "github-production-user-asset-6210df.s3.amazonaws.com")

Fetcher = Callable[[str], bytes]


class AttachmentError(Exception):
    """An attachment that cannot be taken; the message is Vietnamese."""


_WORD_LINK = re.compile(r"\((https://github\.com/user-attachments/files/[^)\s]+\.docx)\)", re.I)


def word_attachment(body: str) -> str | None:
    """The address of the first Word file (.docx) attached to an issue's text, if any."""
    match = _WORD_LINK.search(body)
    return match.group(1) if match and is_attachment(match.group(1)) else None


def is_attachment(url: str) -> bool:
    """True for a file uploaded to an issue (https://github.com/user-attachments/...)."""
    parts = urlsplit(url)
    return (parts.scheme == "https" and parts.hostname == "github.com" and parts.port is None
            and parts.path.startswith(_ATTACHMENT_PATHS) and ".." not in parts.path)


class _Redirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        parts = urlsplit(newurl)
        if parts.scheme != "https" or parts.hostname not in _REDIRECT_HOSTS:
            raise AttachmentError("tệp đính kèm chuyển hướng tới một địa chỉ lạ; đã từ chối")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and parts.hostname != "github.com":
            new.remove_header("Authorization")  # the token is for github.com only
        return new


def web_fetcher(token: str | None) -> Fetcher:
    """Download attachments with the workflow's token (the source repository is private)."""
    opener = urllib.request.build_opener(_Redirects)

    def fetch(url: str) -> bytes:
        if not is_attachment(url):
            raise AttachmentError("chỉ nhận tệp được kéo thả vào phiếu (tải lên GitHub)")
        request = urllib.request.Request(url, headers={"Authorization": f"token {token}"} if token else {})
        try:
            with opener.open(request, timeout=60) as response:
                data = response.read(MAX_BYTES + 1)
        except (urllib.error.URLError, TimeoutError) as err:
            raise AttachmentError(f"không tải được tệp đính kèm ({err})") from None
        return _limited(data)

    return fetch


def folder_fetcher(folder: Path) -> Fetcher:
    """Attachments read from a folder by the last part of their address: trying a form offline."""

    def fetch(url: str) -> bytes:
        if not is_attachment(url):
            raise AttachmentError("chỉ nhận tệp được kéo thả vào phiếu (tải lên GitHub)")
        path = folder / urlsplit(url).path.rsplit("/", 1)[-1]
        if not path.is_file():
            raise AttachmentError("không tải được tệp đính kèm (không có trong thư mục thử)")
        with open(path, "rb") as handle:
            return _limited(handle.read(MAX_BYTES + 1))

    return fetch


def _limited(data: bytes) -> bytes:
    if len(data) > MAX_BYTES:
        raise AttachmentError(f"tệp lớn hơn {MAX_BYTES // (1024 * 1024)} MB; hãy gửi ảnh nhỏ hơn")
    return data
