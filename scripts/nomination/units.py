"""The ward's unit registry (schema/units.yaml): data, not code."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.common.errors import PipelineError
from scripts.common.vietnamese import sort_key

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    short: str
    kind: str


class UnitRegistry:
    def __init__(self, units: list[Unit]) -> None:
        self._by_id = {unit.id: unit for unit in units}

    @classmethod
    def load(cls, path: Path) -> UnitRegistry:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
            units = [Unit(u["id"], u["name"], u["short"], u["kind"]) for u in data["units"]]
        except FileNotFoundError:
            raise PipelineError(f"{path}: không tìm thấy danh mục đơn vị") from None
        except (yaml.YAMLError, KeyError, TypeError) as err:
            raise PipelineError(
                f"{path}: danh mục đơn vị không đúng dạng (cần danh sách \"units\" với "
                f"id, name, short, kind): {err}"
            ) from None
        return cls(units)

    def get(self, unit_id: str) -> Unit | None:
        return self._by_id.get(unit_id)

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._by_id

    def __iter__(self):
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def sorted(self) -> list[Unit]:
        """Units in Vietnamese alphabetical order of their full names."""
        return sorted(self, key=lambda unit: sort_key(unit.name))

    def suggest(self, unit_id: str) -> list[str]:
        return difflib.get_close_matches(unit_id, list(self._by_id), n=3, cutoff=0.5)
