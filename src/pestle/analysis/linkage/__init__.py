"""Input-output linkage effects: Leontief and Ghosh models on national tables.

table = china_2020(153)                 # or read_table("my_table.csv")
model = leontief(table)                 # multipliers, Rasmussen linkages, Ghosh B and G
effects = model.effects(f)              # direct = f, indirect = L f - f, by sector
composite_effects({"wind_blades": 1e4}, config=case.linkage)  # tonnes by segment -> yuan
"""

from pestle.analysis.linkage.io_table import IOTable, china_2020, read_table
from pestle.analysis.linkage.leontief import LeontiefModel, ShockEffects, leontief
from pestle.analysis.linkage.messages import NATIONAL_NOTE
from pestle.analysis.linkage.shock import (
    CompositeEffects,
    LinkageConfig,
    composite_effects,
    final_demand,
    load_config,
)

__all__ = [
    "NATIONAL_NOTE",
    "CompositeEffects",
    "IOTable",
    "LeontiefModel",
    "LinkageConfig",
    "ShockEffects",
    "china_2020",
    "composite_effects",
    "final_demand",
    "leontief",
    "load_config",
    "read_table",
]
