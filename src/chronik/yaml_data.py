"""YAML data files, parsed with libyaml's C loader where PyYAML has it (~10× faster).

The bundled lexicons and gazetteer are YAML; with the pure-Python loader, parsing them was
most of a pipeline's build time (0.9 s of the gazetteer's 1 s), paid again by every worker
process. Both loaders are "safe" (plain data only) and build the same Python values.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["SAFE_LOADER", "load_yaml"]

# libyaml's C loader where PyYAML was built with it (it is not a subclass of SafeLoader)
SAFE_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The plain data of one YAML document (raises `yaml.YAMLError` on bad input, like `safe_load`)."""
    return yaml.load(text, Loader=SAFE_LOADER)
