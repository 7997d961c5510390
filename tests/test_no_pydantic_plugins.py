"""No installed pydantic plugin sees the patient data our models validate."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SPY = """
from pathlib import Path

class Spy:
    def new_schema_validator(self, schema, schema_type, *args, **kwargs):
        with open(Path(__file__).with_name("seen.txt"), "a") as out:
            out.write(f"{schema_type}\\n")
        return None, None, None

plugin = Spy()
"""

OTHER = "import pydantic\nclass Other(pydantic.BaseModel):\n    x: int = 0\nOther()\n"
VISIT = (
    "from sdm_app.domain.visit import Patient, Visit\n"
    'Visit(patient=Patient(display_name="Maria Lopez")).model_dump()\n'
)


def run(folder: Path, script: str) -> str:
    (folder / "seen.txt").unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env["PYTHONPATH"] = os.pathsep.join([str(folder), str(ROOT)])
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=folder)
    seen = folder / "seen.txt"
    return seen.read_text() if seen.exists() else ""


def test_an_installed_pydantic_plugin_never_sees_a_visit(tmp_path: Path) -> None:
    (tmp_path / "spy_plugin.py").write_text(SPY)
    dist = tmp_path / "spy_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    assert "Other" in run(tmp_path, OTHER)  # the spy sees a model of a program without sdm-app
    assert run(tmp_path, VISIT + OTHER) == ""  # with sdm-app, it sees nothing at all
