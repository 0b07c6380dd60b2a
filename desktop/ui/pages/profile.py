"""单位概况: the unit, its founding document, bodies, posts, functions, establishment and staff."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from ...domain.field_labels import label_of
from ...domain.model import LeadershipPost, Outline, RuleSet, UnitLevel
from ...rulesets import load_rule_set, rule_set_for, scoring_statement
from ...services.figures import NOT_ENTERED
from ...services.summary import OUTLINE_NAMES
from ..table_editor import TableEditor
from ..table_model import Column, Kind
from .base import Page

RULE_SET_NAMES = {
    RuleSet.NATIONAL: "全国通用：预算执行 10 + 产出 50 + 效益 30 + 满意度 10",
    RuleSet.SICHUAN: "四川：预算执行 10 + 绩效指标 90",
}


class ProfilePage(Page):
    title = "单位概况"
    prefixes = ("report.unit", "report.profile", "report.outline", "report.rule_set", "report.overlays", "report.title")

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        layout = self.scrolled()
        b = self.binder

        box, form = self.group("单位与报告")
        # The unit's own fields are the unit's, not this year's: saved to the unit at once (every year shows them).
        name = b.committed_line(
            "report.unit.name", "如：乐山市金口河区妇女联合会", check=self._unit_name_problem, title="修改单位名称"
        )
        self.unit_name = name.widget
        self.unit_name.setToolTip("本单位在各年度报告中的名称；改名后按 Enter 或离开此栏即保存")
        form.addRow("单位名称(&M)：", name.container)
        form.addRow("单位层级(&L)：", b.choice("report.unit.level", [(x.value, x) for x in UnitLevel]).container)
        form.addRow("上级单位(&S)：", b.line("report.unit.superior", "如：乐山市妇联").container)
        form.addRow("报告提纲(&O)：", b.choice("report.outline", [(OUTLINE_NAMES[o], o) for o in Outline]).container)
        form.addRow("评分方案(&R)：", b.choice("report.rule_set", [(RULE_SET_NAMES[r], r) for r in RuleSet]).container)
        # The execution cap is the rule set's choice; a report may switch it on when its 财政局 applies it.
        # What is in force is shown here and printed under every 自评表.
        self.score_cap = QCheckBox(f"{load_rule_set(RuleSet.NATIONAL.value).score_cap.name}（上级财政部门执行时勾选）")
        self.score_cap.toggled.connect(self._score_cap_toggled)
        form.addRow("执行率封顶：", self.score_cap)
        self.scoring = self.figure_label()
        form.addRow("", self.scoring)
        form.addRow("报告标题：", b.line("report.title", "留空则自动生成：××妇联××年度部门整体支出绩效自评报告").container)
        layout.addWidget(box)

        box, form = self.group("机构组成")
        form.addRow("单位全称(&Q)：", b.line("report.profile.full_name", "如：广州市黄埔区妇女联合会").container)
        form.addRow("单位简称：", b.line("report.profile.short_name", "如：黄埔区妇联").container)
        form.addRow("单位性质：", b.line("report.profile.nature", "如：区委领导下的人民团体").container)
        form.addRow("三定文件名称：", b.line("report.profile.founding_document_title", "如：《…内设机构和人员编制规定》").container)
        form.addRow("三定文件文号：", b.line("report.profile.founding_document", "如：穗埔办〔2017〕6号").container)
        self.bodies = self.add_table(
            TableEditor(editor, "report.profile.internal_bodies", [Column(None, "内设机构")], new_item=lambda: "",
                        add_label="添加内设机构")
        )
        self.bodies.setMinimumHeight(140)
        form.addRow("内设机构：", self.bodies)
        self.posts = self.add_table(
            TableEditor(
                editor,
                "report.profile.leadership_posts",
                [Column("title", "职务", width=10), Column("count", "职数（名）", Kind.INT)],
                new_item=lambda: LeadershipPost(title=""),
                add_label="添加领导职务",
            )
        )
        self.posts.setMinimumHeight(140)
        form.addRow("领导职数：", self.posts)
        form.addRow(f"{label_of('profile.functions')}(&U)：", b.text("report.profile.functions", "单位的主要职能，每段一行", lines=5).container)
        layout.addWidget(box)

        box, form = self.group("编制与人员")
        for attr in ("administrative", "institutional", "political_legal", "worker"):
            path = f"report.profile.establishment.{attr}"
            form.addRow(f"{label_of(path)}：", b.number(path, suffix="名", empty=0).container)
        self.establishment_total = self.figure_label()
        form.addRow("编制合计：", self.establishment_total)
        form.addRow(f"{label_of('profile.actual_staff')}(&P)：", b.number("report.profile.actual_staff", suffix="人").container)
        layout.addWidget(box)
        layout.addStretch(1)

        editor.report_loaded.connect(self._refresh_figures)
        editor.changed.connect(self._refresh_figures)

    def _unit_name_problem(self, name: str) -> str | None:
        """Why the unit cannot take this name: none given, or another unit has it (names are unique)."""
        if not name:
            return "单位名称不能为空，请填写单位名称。"
        other = self.editor.workspace.unit_named(name)
        if other is not None and other.id != self.editor.report.unit.id:
            return f"数据库中已有名为“{name}”的单位，两个单位不能同名。请换一个名称，或在上方“单位”中直接选择那个单位。"
        return None

    def _score_cap_toggled(self, on: bool) -> None:
        report = self.editor.report
        if report is None or self._showing_cap:
            return
        overlays = [o for o in report.overlays if o != "score_cap"] + (["score_cap"] if on else [])
        self.editor.set("report.overlays", overlays, merge=False)

    _showing_cap = False

    def _refresh_figures(self, *_args) -> None:
        report = self.editor.report
        self.score_cap.setEnabled(report is not None)
        if report is None:
            self.establishment_total.setText("")
            self.scoring.setText("")
            return
        spec = rule_set_for(report)
        self._showing_cap = True
        try:
            # A rule set that caps by itself leaves nothing to switch on.
            self.score_cap.setChecked(spec.score_cap.applies or "score_cap" in report.overlays)
            self.score_cap.setEnabled(not spec.score_cap.applies)
        finally:
            self._showing_cap = False
        self.scoring.setText(scoring_statement(report))
        total = report.profile.establishment.total
        self.establishment_total.setText(f"{total} 名" if total else NOT_ENTERED)  # 0: none entered yet
