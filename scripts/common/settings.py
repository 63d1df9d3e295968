"""The ward's names, read from pelicanconf.py: the one place every name of the ward lives.

The reports and the radio bulletin speak in the ward's name; since wards are merged and renamed
(two-level local government from 1 July 2025), those names are settings, never literals in code.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.common.errors import PipelineError

SETTINGS_FILE = "pelicanconf.py"


@dataclass(frozen=True)
class ReportSigning:
    """How the council's reports are numbered, dated and signed (Nghị định 30/2020/NĐ-CP)."""

    place: str
    """The place before the date: "Ninh Hà, ngày … tháng … năm …"."""
    symbol: str
    """The document symbol after the number, "BC-HĐTĐKT"; the office writes the number itself."""
    signer_role: str
    """"TM. HỘI ĐỒNG" (signing for the body), or "" when the head signs in their own right."""
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class WardSettings:
    ward_name: str
    """"phường Ninh Hà" in the sample site: lowercase, as it reads inside a sentence."""
    ward_authority: str
    council_name: str
    upper_level_name: str
    upper_council_name: str
    column_name: str
    report: ReportSigning

    @property
    def ward_title(self) -> str:
        """The ward's name at the start of a sentence or a title ("Phường …")."""
        return self.ward_name[:1].upper() + self.ward_name[1:]


_NAMES = {
    "ward_name": "WARD_NAME",
    "ward_authority": "WARD_AUTHORITY",
    "council_name": "COUNCIL_NAME",
    "upper_level_name": "UPPER_LEVEL_NAME",
    "upper_council_name": "UPPER_COUNCIL_NAME",
    "column_name": "COLUMN_NAME",
}


def load_settings(root: Path) -> WardSettings:
    """Run ``root/pelicanconf.py`` the way Pelican does and keep the ward's names from it."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        raise PipelineError(
            f"không tìm thấy {SETTINGS_FILE} ở thư mục gốc của kho ({root}): tên phường, Hội đồng "
            "thi đua khen thưởng và cấp trên được khai báo ở đó"
        )
    spec = importlib.util.spec_from_file_location("_ward_pelicanconf", path)
    module = importlib.util.module_from_spec(spec)
    saved_path = list(sys.path)  # pelicanconf.py puts the repository on sys.path; undo that
    try:
        spec.loader.exec_module(module)
    except Exception as err:
        raise PipelineError(
            f"{SETTINGS_FILE}: không đọc được thiết lập ({type(err).__name__}: {err})"
        ) from None
    finally:
        sys.path[:] = saved_path
    values = {}
    for field, name in _NAMES.items():
        value = getattr(module, name, None)
        if not isinstance(value, str) or not value.strip():
            raise PipelineError(f"{SETTINGS_FILE}: thiếu thiết lập {name} (một chuỗi, ví dụ tên phường)")
        values[field] = value.strip()
    return WardSettings(**values, report=_report_signing(module, values["ward_name"]))


_ADMINISTRATIVE_UNITS = ("phường ", "xã ", "thị trấn ", "đặc khu ")


def _report_signing(module, ward_name: str) -> ReportSigning:
    """The optional REPORT_* settings; a ward that sets none still gets a document to sign by hand."""
    place = ward_name
    for prefix in _ADMINISTRATIVE_UNITS:
        place = place.removeprefix(prefix)
    defaults = {
        "REPORT_PLACE": place, "REPORT_SYMBOL": "BC-HĐTĐKT", "REPORT_SIGNER_ROLE": "TM. HỘI ĐỒNG",
        "REPORT_SIGNER_TITLE": "CHỦ TỊCH", "REPORT_SIGNER_NAME": "",
    }
    values = {}
    for name, default in defaults.items():
        value = getattr(module, name, default)
        if not isinstance(value, str):
            raise PipelineError(f"{SETTINGS_FILE}: thiết lập {name} phải là một chuỗi")
        values[name] = value.strip()
    recipients = getattr(module, "REPORT_RECIPIENTS", ["Lưu: VT"])
    if not isinstance(recipients, list | tuple) or not all(
        isinstance(r, str) and r.strip() for r in recipients
    ):
        raise PipelineError(
            f"{SETTINGS_FILE}: thiết lập REPORT_RECIPIENTS phải là danh sách tên nơi nhận, "
            "ví dụ [\"Lưu: VT\"]"
        )
    return ReportSigning(
        values["REPORT_PLACE"], values["REPORT_SYMBOL"], values["REPORT_SIGNER_ROLE"],
        values["REPORT_SIGNER_TITLE"], values["REPORT_SIGNER_NAME"], tuple(r.strip() for r in recipients),
    )
