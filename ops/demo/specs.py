"""The fixed plan of the demo district: its two substations and twelve feeders' directions."""

from __future__ import annotations

from dataclasses import dataclass

from ops.network.records import AreaClass, Coord


@dataclass(frozen=True, slots=True)
class SubstationSpec:
    code: str  # "CL"
    place: str  # "Cao Lãnh"
    position: Coord


@dataclass(frozen=True, slots=True)
class FeederSpec:
    """One 22 kV bay: its number, direction out of the substation, length and character."""

    bay: int
    station: SubstationSpec
    bearing: float
    length_km: float
    area: AreaClass
    road: str = ""  # the road a rural trunk follows, for the addresses along it

    @property
    def key(self) -> str:
        return f"{self.bay}-{self.station.code}"

    @property
    def name(self) -> str:
        return f"{self.bay} {self.station.place}"


CAO_LANH = SubstationSpec("CL", "Cao Lãnh", (105.6300, 10.4580))
MY_TRA = SubstationSpec("MT", "Mỹ Trà", (105.6680, 10.4970))
SUBSTATIONS = (CAO_LANH, MY_TRA)

_U, _R = AreaClass.URBAN, AreaClass.RURAL
FEEDERS = (
    FeederSpec(471, CAO_LANH, 0.0, 3.8, _U),
    FeederSpec(472, CAO_LANH, 320.0, 4.0, _U),
    FeederSpec(473, CAO_LANH, 95.0, 4.2, _U),
    FeederSpec(474, CAO_LANH, 165.0, 2.8, _U),
    FeederSpec(475, CAO_LANH, 268.0, 7.5, _R, "Quốc lộ 30"),
    FeederSpec(476, CAO_LANH, 130.0, 8.5, _R, "Đường tỉnh 846"),
    FeederSpec(471, MY_TRA, 205.0, 3.0, _U),
    FeederSpec(472, MY_TRA, 250.0, 3.6, _U),
    FeederSpec(473, MY_TRA, 330.0, 8.5, _R, "Đường tỉnh 850"),
    FeederSpec(474, MY_TRA, 15.0, 8.5, _R, "Đường tỉnh 856"),
    FeederSpec(475, MY_TRA, 62.0, 8.5, _R, "Quốc lộ N2"),
    FeederSpec(476, MY_TRA, 105.0, 8.0, _R, "Đường tỉnh 852"),
)
