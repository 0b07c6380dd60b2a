"""The domain of 部门整体支出绩效自评: plain dataclasses and exact arithmetic, standard library only."""
