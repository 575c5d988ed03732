"""YAML data files load through libyaml's C loader with the same values as `yaml.safe_load`."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from chronik.yaml_data import SAFE_LOADER, load_yaml


def _bundled_yaml() -> list[str]:
    root = resources.files("chronik") / "data"
    found: list[str] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        for item in folder.iterdir():
            if item.is_dir():
                stack.append(item)
            elif item.name.endswith((".yaml", ".yml")):
                found.append(item.read_text(encoding="utf-8"))
    return found


def test_bundled_yaml_files_load_as_safe_load_does() -> None:
    texts = _bundled_yaml()
    assert len(texts) >= 5
    for text in texts:
        assert load_yaml(text) == yaml.safe_load(text)


def test_loader_is_a_safe_loader() -> None:
    assert issubclass(SAFE_LOADER, yaml.SafeLoader) or SAFE_LOADER.__name__ == "CSafeLoader"


@pytest.mark.parametrize(
    "text",
    ["!!python/object/apply:os.system ['echo hacked']", "a: !!python/name:os.system"],
)
def test_python_tags_are_refused(text: str) -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml(text)


def test_broken_yaml_raises_yaml_error() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("a: [1, 2\nb: c")
