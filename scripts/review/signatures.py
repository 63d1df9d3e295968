"""Who signed a commit, judged against the council registry as it stood before that commit.

git verifies SSH signatures with an allowed-signers file; this one is derived from the registry
at check time, written to a temporary file and removed afterwards (never committed). Each key is
valid only during its member's term, and git hands ssh-keygen the commit's date.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scripts.nomination.council import COUNCIL_FILE, COUNCIL_SCHEMA, Council, CouncilError, Member
from scripts.review import gitops


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:10]

    @property
    def named(self) -> str:
        """The commit as messages name it: its short id and its subject."""
        return f"commit {self.short} (\"{self.subject}\")"


@dataclass(frozen=True)
class Signature:
    member: Member | None
    """The member whose key made a good signature, valid on the commit's date; else None."""
    problem: str | None
    """Why the commit does not count as signed by a member (Vietnamese), or None."""


def fingerprint(key: str) -> str | None:
    """The SHA256 fingerprint of an "ssh-ed25519 AAAA..." public key, as git prints it."""
    try:
        blob = base64.b64decode(key.split()[1], validate=True)
    except (IndexError, binascii.Error):
        return None
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


class Verifier:
    """Reads the signature of commits in the repository at ``root`` (a folder of the work tree)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._councils: dict[str, Council | CouncilError] = {}

    def council_at(self, commit: str) -> Council | None:
        """The registry as committed in ``commit``; None when that commit has none. A registry
        that does not fit its schema raises CouncilError (the commit that broke it is named)."""
        try:
            text = gitops.git(self.root, "show", f"{commit}:./{COUNCIL_FILE.as_posix()}")
        except gitops.GitError:
            return None
        if text not in self._councils:
            try:
                schema = gitops.git(self.root, "show", f"{commit}:./{COUNCIL_SCHEMA.as_posix()}")
            except gitops.GitError:
                schema = (self.root / COUNCIL_SCHEMA).read_text(encoding="utf-8")
            try:
                self._councils[text] = Council.parse(text, schema)
            except CouncilError as err:
                self._councils[text] = err
        found = self._councils[text]
        if isinstance(found, CouncilError):
            raise CouncilError(f"{found} (trong commit {commit[:10]})")
        return found

    def signature(self, commit: Commit, council: Council | None) -> Signature:
        """Whether ``commit`` is signed by a member of ``council`` serving on the commit's date."""
        if council is None:
            return Signature(None, f"{commit.named} không có danh sách Hội đồng để đối chiếu chữ ký")
        handle, name = tempfile.mkstemp(prefix="allowed-signers-", suffix=".txt")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(council.allowed_signers())
            status, principal, key = gitops.git(
                self.root, "-c", "gpg.format=ssh", "-c", f"gpg.ssh.allowedSignersFile={name}",
                "log", "-1", "--format=%G?%x1f%GS%x1f%GK", commit.sha,
            ).strip("\n").split("\x1f")
        finally:
            os.unlink(name)
        if status == "G":
            member = council.by_login(principal)
            if member is not None:
                return Signature(member, None)
        if status == "N":
            return Signature(None, f"{commit.named} không có chữ ký của thành viên Hội đồng")
        owner = next((m for m in council.members if key in {fingerprint(k) for k in m.keys}), None)
        if status == "U" and owner is not None:
            return Signature(None, (
                f"{commit.named} được ký bằng khóa của {owner.name} vào ngày người này không làm "
                f"nhiệm vụ (nhiệm kỳ {owner.period})"
            ))
        if status == "U":
            return Signature(None, (
                f"{commit.named} được ký bằng khóa không thuộc thành viên nào trong "
                f"{COUNCIL_FILE.as_posix()}"
            ))
        return Signature(None, f"chữ ký của {commit.named} không hợp lệ")
