"""`main.py import-network`: a summary and exit 0, or a clear error and exit 2 (no traceback)."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

import main
from db import Database
from db.repositories.network import NetworkRepository
from tests.cli.test_command_line import run
from tests.unit.network_files import EXAMPLE, MAPPING_EXAMPLE, read_frames, write_frames


def test_the_example_imports_and_a_second_run_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'net.db'}"
    assert main.main(["--db", url, "import-network", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert f"Imported {EXAMPLE}" in out
    assert "customers            60  (+60 added, 0 changed, -0 removed)" in out
    assert main.main(["--db", url, "import-network", str(EXAMPLE)]) == 0
    assert "(+0 added, 0 changed, -0 removed)" in capsys.readouterr().out
    db = Database(url)
    with db.session() as s:
        assert NetworkRepository(s).customer_count() == 60
    db.dispose()


def test_a_broken_file_is_an_error_naming_layer_and_id_and_nothing_is_stored(
    tmp_path: Path,
) -> None:
    frames = read_frames(EXAMPLE)
    frames["transformers"].loc[0, "from_node"] = "NOWHERE-1"
    del frames["switches"]
    path = write_frames(tmp_path / "broken.gpkg", frames)
    db_path = tmp_path / "net.db"
    result = run("--db", f"sqlite:///{db_path}", "import-network", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: The network was not imported:")
    assert "switches: there is no layer 'switches' in broken.gpkg" in result.stderr
    db = Database(f"sqlite:///{db_path}")
    with db.session() as s:
        assert NetworkRepository(s).customer_count() == 0
    db.dispose()


def test_a_network_level_error_names_the_element(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frames = read_frames(EXAMPLE)
    frames["customers"].loc[3, "node_id"] = "NO-SUCH-NODE"
    path = write_frames(tmp_path / "stray.gpkg", frames)
    assert main.main(["--db", f"sqlite:///{tmp_path / 'n.db'}", "import-network", str(path)]) == 2
    customer = frames["customers"].loc[3, "customer_id"]
    assert (
        f"customers {customer}: node 'NO-SUCH-NODE' is not the from_node" in capsys.readouterr().err
    )


def test_mapping_and_crs_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    bad_mapping = tmp_path / "m.toml"
    bad_mapping.write_text('[layers]\ncables = "X"\n', encoding="utf-8")
    args = ["--db", url, "import-network", str(EXAMPLE)]
    assert main.main([*args, "--mapping", str(bad_mapping)]) == 2
    assert "'cables' is not an interchange layer" in capsys.readouterr().err
    assert main.main([*args, "--crs", "EPSG:nonsense"]) == 2
    assert "is not a coordinate system" in capsys.readouterr().err
    # The example mapping names layers this file does not have: the error says which exist.
    assert main.main([*args, "--mapping", str(MAPPING_EXAMPLE)]) == 2
    assert "there is no layer 'XUAT_TUYEN'" in capsys.readouterr().err


def test_a_pandapower_network_imports_from_its_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pandapower as pp
        import pandapower.networks as pn

        net = pn.mv_oberrhein()
    path = tmp_path / "oberrhein.json"
    pp.to_json(net, str(path))
    assert main.main(["--db", f"sqlite:///{tmp_path / 'n.db'}", "import-network", str(path)]) == 0
    assert "switches            322  (+322 added" in capsys.readouterr().out


def test_removing_a_device_of_an_open_outage_is_refused(demo_db_path: Path, tmp_path: Path) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "other.gpkg")
    result = run(
        "--db", f"sqlite:///{demo_db_path}", "import-network", str(tmp_path / "other.gpkg")
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "that open outages refer to" in result.stderr
