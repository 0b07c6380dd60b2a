"""The two seed reports as domain objects, written as the exchange fixtures beside this file.

Run from the project root: `python tests/data/build_seeds.py` rewrites the two .fulian.json files;
`--check` only compares and exits 1 when a committed file differs from what this script builds.

Every figure the printed reports show is held here, in 元 and in the model's own fields; the clerks'
sentences are copied word for word from the sources (`*.source.txt`), with only the conversion
artefacts of those sources removed: markdown `**`, a LaTeX "$\\geq 90\\%$", the "- -" of a broken dash,
spaces that the conversion put around digits, and words split by a page break. Titles of tasks and
blocks carry neither their number nor their closing "。": the outline numbers and punctuates them.
Activity dates are not printed in the reports; each record says so in its notes ("日期为示例").
"""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__":  # run as a script: make the package importable
    sys.path.insert(0, str(HERE.parents[1]))

from desktop.domain.model import BeneficiaryUnit as U  # noqa: E402
from desktop.domain.model import (  # noqa: E402
    Activity,
    Budget,
    DepartmentTarget,
    Establishment,
    Expenditure,
    Finance,
    FundColumn,
    IncomeLine,
    Indicator,
    LeadershipPost,
    NarrativeBlock,
    Narratives,
    Outline,
    Project,
    Report,
    ReportStatus,
    RuleSet,
    SelfEvaluation,
    Unit,
    UnitLevel,
    UnitProfile,
    WorkTask,
)
from desktop.domain.scoring import IndicatorKind  # noqa: E402
from desktop.exchange import dumps  # noqa: E402

SEED_000 = "seed_000_jinkouhe_2024.fulian.json"
SEED_004 = "seed_004_huangpu_2022.fulian.json"
EXAMPLE_DATE = "日期为示例"


def wan(text: str) -> Decimal:
    """An amount printed in 万元 → 元, exactly."""
    return (Decimal(text) * 10000).quantize(Decimal("0.01"))


def yuan(text: str) -> Decimal:
    return Decimal(text).quantize(Decimal("0.01"))


def note(*parts: str) -> str:
    return "；".join(parts + (EXAMPLE_DATE,))


# ---------------------------------------------------------------------------------------- seed 000


def seed_000() -> Report:
    """乐山市金口河区妇联 2024 年度部门整体绩效自评报告 (Sichuan outline)."""
    tasks = [
        WorkTask(
            key="t01",
            title="学习教育，常抓不懈",
            narrative=(
                "在巩固拓展学习贯彻习近平新时代中国特色社会主义思想主题教育成果的同时，按照区委的要求参加党群支部的党纪学习教育活动，"
                "分章节学习《中国共产党纪律处分条例》。认真学习《习近平关于妇女儿童和妇联工作的论述摘编》，扎实推进妇联领导带头学、"
                "部门内部共同学、妇联线上线下全员学6场，切实把学习成果转化为做好新时代妇联工作的高度政治自觉、思想自觉和行动自觉。"
                "组织开展学习研讨、观看警示教育片、参观红色革命教育基地等系列活动3场，把开展党纪学习教育与“三会一课”、“每月主题教育”"
                "紧密结合。开展了嘉州巾帼大宣讲活动2场次；开展男女平等基本国策进党校活动2场次；组织妇联执委下基层进行移风易俗宣讲4场次。"
            ),
        ),
        WorkTask(
            key="t02",
            title="评优选先，培树先进典型",
            narrative=(
                "在“三八”国际妇女节评选一批2023年度三八红旗集体5个、三八红旗手8名、“五好文明家庭”10户、“绿色家庭”8户、"
                "“最美家庭”10户、“民族团结进步示范家庭”8户、“乡村女能人”6名，进一步发挥示范家庭引领作用。"
            ),
        ),
        WorkTask(
            key="t03",
            title="延伸触角，基层组织再壮大",
            narrative=(
                "围绕市妇联组织建设年提出的各项要求，深入基层调研，不断拉近执委服务妇女群众的距离，打通服务妇女儿童“最后一公里”。"
                "成立了的莫鸽鸽执委工作室。分别在四川西府中药科技有限公司、金源纺织厂、拓达公司、金洋电力及枕沙公司成立“妇女微家”，"
                "不断提升妇女员工内涵素养和职业技能。全区目前执委工作室1个，妇女微家4个。区直机关工委直属党组织的区级机关、"
                "事业单位已全覆盖建立妇联组织。增补妇联执委，召开区妇联第五届二次执委会议，传达学习习近平总书记重要讲话精神全国、省、"
                "市妇女儿童工作会议精神，替补、增补区妇联五届执行委员会委员2名，选举妇联主席1名，挂职副主席1名，兼职副主席3名。"
            ),
        ),
        WorkTask(
            key="t04",
            title="落实意识形态工作责任制",
            narrative=(
                "将意识形态工作和网络安全纳入中心组学习内容，全年组织意识形态分析研判6次。将学习贯彻党的二十届三中全会精神、"
                "乐山市第八次妇代会精神，撰写舆情评论文章1篇。"
            ),
        ),
        WorkTask(
            key="t05",
            title="多措并举，促进女性就业创业",
            narrative=(
                "金口河区首家妇女居家灵活就业示范基地揭牌使用。目前共举办藤编培训班4期，直播班2期、彝绣2期。共计180人次妇女参加了培训，"
                "同时选送10人次到上级妇联组织的培训班学习。同时为全区妇女提供就业信息500余条。特色帮扶，做实“爱心妈妈”结对关爱。"
                "制定了《乐山市金口河区“爱心妈妈”关爱留守儿童、困境儿童三年行动实施方案》。目前有“爱心妈妈”168人，结对儿童166人。"
                "开展帮扶活动70场，受益儿童600余人次。"
            ),
        ),
        WorkTask(
            key="t06",
            title="关爱妇女健康，解难纾困为群众",
            narrative=(
                "做好全国贫困妇女“两癌”救助金的申报工作，为符合救助条件的妇女做好申报工作，并及时做好“两癌”救助金的发放，"
                "今年共有1名符合全国妇联“低收入妇女两癌救助”条件的“两癌”患病妇女发放救助金1万元；救助了15名贫困母亲，"
                "共计发放救助金1.5万元；在暖冬行动中，慰问了36名困难妇女儿童，价值14400元牛奶、米、面、油、大礼包等日常生活物质。"
                "使用2023年“嘉帼情怀 嘉幼成长”项目网络募捐自筹资金4.3万余元，对8名大病妇女儿童进行每户5000元的救助。"
                "完成2024—2025学年春蕾救助计划，帮扶54名困境女童，救助金共计5.9万元。开展适龄妇女“两癌”免费筛查，"
                "形成“春风送暖·健康同行”女性健康体检活动，配合区卫生健康局和区人民医院，组织全区妇女群众参加健康体检活动，"
                "对全区妇女930人次进行了“两癌”筛查。"
            ),
        ),
        WorkTask(
            key="t07",
            title="参与社会治理，化解矛盾纠纷",
            narrative=(
                "针对当前社会婚姻家庭纠纷难点问题，金口河区妇联积极参与家庭矛盾纠纷调解，号召巾帼力量参与文明城市创建工作"
                "对村民反映的“急难愁盼”问题，广泛征求意见，将“共同治理”的理念真正落到实处。制止天价彩礼，制止家庭矛盾纠纷10余起，"
                "借鉴枫桥先进理念助力乡村社会治理。"
            ),
        ),
        WorkTask(
            key="t08",
            title="携手公益，筹集善款为儿童",
            narrative=(
                "通过九九公益节“嘉帼情怀护幼成长”项目网络募捐活动，采用线上线下广泛宣传动员的形式，共筹集善款7万多元。"
            ),
        ),
        WorkTask(
            key="t09",
            title="提升服务，打造妇女儿童之家",
            narrative=(
                "结合新时代文明实践活动，提升全区各村（社区）妇女儿童之家的服务水平，建立了巾帼志愿者团队50余人，"
                "累计服务妇女儿童2000余人次。"
            ),
        ),
        WorkTask(
            key="t10",
            title="做实维权工作，筑牢法治屏障",
            narrative=(
                "在全区各基层派出所，建立了“妇女儿童维权工作站”。每个工作站都建立了完善的工作制度，并明确了由所长担任站长的领导架构，"
                "确保了维权工作的专业性和高效性。实现了维权服务的“零距离”，让妇女儿童在需要时能够第一时间得到帮助。"
            ),
        ),
        WorkTask(
            key="t11",
            title="全面推进家庭家教家风建设提质提效",
            narrative=(
                "以永和一小、永和二小家风建设示范学校为平台，开展家风教育，深入践行习近平总书记关于注重家庭家教家风建设的重要论述，"
                "大力弘扬中华民族传统美德，传承文明家风家训，进一步推动家庭文明建设，面向广大教师、家长和学生，深入校园、走进社区，"
                "讲述精彩的家风故事，引导居民在日常生活中传承优良家风，弘扬传统美德，以家庭的和谐推动社会的稳定发展，"
                "这一活动赢得了社区居民的高度好评，为营造文明、和谐、幸福的社会环境注入了崭新的活力。全年有3个家长被市妇联评为“新时代好家长”。"
            ),
        ),
    ]

    projects = [
        Project(key="p1", name="春蕾行动计划经费", initial=FundColumn(total=wan("1"))),
        Project(key="p2", name="妇工委工作经费", initial=FundColumn(total=wan("0.5"))),
        Project(key="p3", name="贫困母亲救助", initial=FundColumn(total=wan("2"))),
        Project(key="p4", name="三八节活动经费", initial=FundColumn(total=wan("2"))),
        Project(key="p5", name="乡镇妇联工作经费", initial=FundColumn(total=wan("5"))),
    ]

    def act(key, task, when, kind, title, notes="", project=None, **figures):
        return Activity(key=key, task_key=task, project_key=project, date=date(2024, *when), kind=kind,
                        title=title, notes=note(notes) if notes else EXAMPLE_DATE, **figures)

    activities = [
        act("a01", "t01", (4, 16), "学习", "妇联领导带头学、部门内部共同学、妇联线上线下全员学", sessions=6),
        act("a02", "t01", (6, 20), "学习", "学习研讨、观看警示教育片、参观红色革命教育基地等系列活动", sessions=3),
        act("a03", "t01", (5, 14), "宣讲", "嘉州巾帼大宣讲活动", sessions=2),
        act("a04", "t01", (9, 12), "宣讲", "男女平等基本国策进党校活动", sessions=2),
        act("a05", "t01", (10, 17), "宣讲", "妇联执委下基层移风易俗宣讲", sessions=4),
        act("a06", "t02", (3, 8), "评选", "评选2023年度三八红旗集体", "受益数为集体个数", beneficiaries=5, beneficiary_unit=U.ITEM),
        act("a07", "t02", (3, 8), "评选", "评选2023年度三八红旗手", beneficiaries=8, beneficiary_unit=U.PERSON),
        act("a08", "t02", (3, 8), "评选", "评选“五好文明家庭”", "受益数为户数", beneficiaries=10, beneficiary_unit=U.HOUSEHOLD),
        act("a09", "t02", (3, 8), "评选", "评选“绿色家庭”", "受益数为户数", beneficiaries=8, beneficiary_unit=U.HOUSEHOLD),
        act("a10", "t02", (3, 8), "评选", "评选“最美家庭”", "受益数为户数", beneficiaries=10, beneficiary_unit=U.HOUSEHOLD),
        act("a11", "t02", (3, 8), "评选", "评选“民族团结进步示范家庭”", "受益数为户数", beneficiaries=8, beneficiary_unit=U.HOUSEHOLD),
        act("a12", "t02", (3, 8), "评选", "评选“乡村女能人”", beneficiaries=6, beneficiary_unit=U.PERSON),
        act("a13", "t03", (7, 25), "会议", "区妇联第五届二次执委会议", sessions=1),
        act("a14", "t04", (12, 20), "会议", "意识形态分析研判", sessions=6),
        act("a15", "t05", (4, 22), "培训", "藤编培训班", sessions=4),
        act("a16", "t05", (6, 11), "培训", "直播班", sessions=2),
        act("a17", "t05", (8, 6), "培训", "彝绣培训班", sessions=2),
        act("a18", "t05", (8, 30), "培训", "藤编、直播、彝绣培训班参训妇女（合计）",
            "报告只给出三类培训班合计的人次，未分班列出", participants=180),
        act("a19", "t05", (9, 24), "学习", "选送妇女参加上级妇联组织的培训班", participants=10),
        act("a20", "t05", (5, 31), "其他", "“爱心妈妈”结对关爱", "参与为爱心妈妈人数，受益为结对儿童人数",
            participants=168, beneficiaries=166, beneficiary_unit=U.PERSON),
        act("a21", "t05", (11, 15), "志愿服务", "“爱心妈妈”帮扶活动", "受益儿童600余人次", sessions=70, beneficiaries=600, beneficiary_unit=U.VISIT),
        act("a22", "t06", (7, 10), "救助", "低收入妇女“两癌”救助金发放", beneficiaries=1, beneficiary_unit=U.PERSON, money=wan("1")),
        act("a23", "t06", (5, 10), "救助", "贫困母亲救助", project="p3", beneficiaries=15, beneficiary_unit=U.PERSON, money=wan("1.5")),
        act("a24", "t06", (12, 26), "慰问", "暖冬行动慰问困难妇女儿童", "牛奶、米、面、油、大礼包等日常生活物资",
            beneficiaries=36, beneficiary_unit=U.PERSON, money=yuan("14400")),
        act("a25", "t06", (3, 28), "救助", "大病妇女儿童救助", "每户5000元，共8户；资金为2023年网络募捐自筹资金",
            beneficiaries=8, beneficiary_unit=U.PERSON, money=yuan("40000")),
        act("a26", "t06", (9, 2), "救助", "2024—2025学年春蕾救助计划", project="p1", beneficiaries=54, beneficiary_unit=U.PERSON,
            money=wan("5.9")),
        act("a27", "t06", (10, 21), "筛查", "适龄妇女“两癌”免费筛查", participants=930),
        act("a28", "t07", (11, 6), "调解", "家庭矛盾纠纷调解", "制止家庭矛盾纠纷10余起，场次为起数", sessions=10),
        act("a29", "t08", (9, 9), "募捐", "九九公益节“嘉帼情怀护幼成长”项目网络募捐", "共筹集善款7万多元",
            money=wan("7")),
        act("a30", "t09", (12, 5), "志愿服务", "巾帼志愿者服务妇女儿童", "志愿者50余人，服务2000余人次",
            participants=50, beneficiaries=2000, beneficiary_unit=U.VISIT),
        act("a31", "t11", (6, 1), "评选", "市妇联“新时代好家长”评选", beneficiaries=3, beneficiary_unit=U.PERSON),
    ]

    return Report(
        unit=Unit(name="乐山市金口河区妇女联合会", level=UnitLevel.DISTRICT, superior="乐山市妇联"),
        fiscal_year=2024,
        report_date=date(2025, 3, 31),
        outline=Outline.SICHUAN,
        status=ReportStatus.FINAL,
        rule_set=RuleSet.SICHUAN,
        title="区妇联部门整体绩效自评报告",
        profile=UnitProfile(
            full_name="乐山市金口河区妇女联合会",
            short_name="金口河区妇联",
            internal_bodies=["妇联综合办公室"],
            leadership_posts=[LeadershipPost("主席", 1), LeadershipPost("副主席", 1)],
            functions=(
                "确定全区妇女工作的指导方针和目标任务，指导乡镇妇联和机关企事业单位妇委会开展妇女儿童工作。团结和动员全区妇女投身社会主义"
                "物质文明和精神文明建设，宣传马克思主义妇女观，教育、引导广大妇女树立正确的世界观、人生观、价值观，弘扬“自尊、自信、自立、"
                "自强”的精神。开展对妇女的科技文化及职业技能教育和妇女干部培训。依法维护妇女在政治、经济、文化、社会和家庭等方面同男子的"
                "平等权利。关注和研究涉及妇女切身利益的热点、难点问题，及时向区委、区政府反映社情民意，提出意见和建议。坚持为妇女儿童服务、"
                "为基层服务，加强与社会各界的联系，协调和推动全社会为妇女儿童办实事、做好事，促进妇女儿童事业的发展。组织全区妇联干部的"
                "教育培训工作，提高妇联干部工作能力和业务水平。承担区妇女儿童工作委员会办公室的工作。承办区委、区政府和市妇联交办的其他工作。"
            ),
            establishment=Establishment(administrative=4, institutional=0, political_legal=0, worker=0),
            actual_staff=3,
        ),
        tasks=tasks,
        activities=activities,
        department_target=DepartmentTarget(
            text=(
                "完成2024年区委、区政府下达全年目标任务；完成2024年上级妇联下达目标任务；维护经济发展社会和谐、稳定，"
                "增强妇联组织凝聚力，号召力；履职满意率≥90%。"
            ),
            indicators=[
                Indicator(key="i1", name="履职满意率", kind=IndicatorKind.AT_LEAST, target=Decimal("90"), unit="%"),
            ],
        ),
        finance=Finance(
            income_lines=[
                IncomeLine("一般公共预算财政拨款收入", wan("219.7")),
                IncomeLine("其他收入", wan("0")),
            ],
            income_total=wan("219.7"),
            expenditure=Expenditure(basic=wan("76.46"), project=wan("143.24"), total=wan("219.7")),
            carry_over_end=wan("0"),
        ),
        projects=projects,
        narratives=Narratives(
            budget_preparation=(
                "按照区财政局部门预算编制通知要求，按时完成部门年初预算编制工作。在编制过程中，认真核实单位实际财政供养人数和单位实有编制情况，"
                "正确编制人员经费和公用经费等，做到尽量细化项目资金支出预算范围和科目，对全年部门预算目标进行了事前绩效评价，"
                "对全部预算项目进行了事前绩效评价并及时上报预算股进行审核，对所编制的预算予以调整通过。部门预算、项目预算全部纳入绩效管理，"
                "绩效目标填报真实、可行。"
            ),
            budget_execution=(
                "2024年区妇联在预算执行过程中厉行节约，严格控制三公经费支出，无违规列支三公经费行为。按照工作进展要求，"
                "及时对预算科目进行动态调整，如实反映预算资金使用情况。及时申请预算资金拨付，确保区妇联2024年工作推进；"
                "预算执行中加强绩效监督，严格控制公用支出，将与绩效目标偏离率努力控制在合理范围内；圆满完成了区委、区政府、"
                "市级妇联组织下达的全年目标任务。"
            ),
            final_accounts=(
                "为真实、准确反应单位年度财务收、支情况，根据区财政的要求，认真开展部门年度决算报表编制工作。按照政府收支分类科目和"
                "财务报表支出情况编制部门决算，决算收入、支出口径与财政局财政大平台及区妇联财务账核对无误，报表编制无差错。"
                "总体绩效目标全部完成，与年初预算目标一致，全年无违规记录；按时完成绩效目标情况反馈，不断提高部门绩效控制制度建设水平，"
                "为2024年度部门目标任务全面完成奠定了坚实基础。"
            ),
            project_analysis=(
                "按照区委、区政府的工作部署，结合区妇联工作职能，2024年区妇联评价项目全部进行了绩效目标管理，"
                "绩效目标制定符合区妇联履行职能职责要求，目标任务实现可行；2024年，区妇联加强项目开展情况事中绩效监管，"
                "按照财政要求，推进项目实施进度，与绩效目标偏离率控制在可行范围内，全面完成了2024年度预算，资金结余率为0。全年无违规记录。"
            ),
            results_application="\n".join([
                "1、按照区财政局要求，在规定时间内完成本单位的信息公开。",
                "2、建立健全内控制度，采取定期公开的的财务管理制度，严格执行财务管理制度，强化项目资金管理和使用。"
                "同时严格遵守国家、省、市财务管理法律法规，本着勤俭节约原则，管理好用好每笔资金。杜绝违规违法事件的发生。"
                "财务活动接受审计、财政、纪检监察等部门的监督检查。",
                "3、所有资产实现资产归口管理和明确使用责任，细化到人，及时对资产进行清查盘点，对账实不符的情况及时进行处理；"
                "严格按照规定处置资产。对政府性债务管理、非税收入执收、政策采购实施计划、内控建立健全、信息公开、"
                "接受财政监督等依法依规执行。",
                "4、认真开展绩效自评，按照年初预算绩效目标，及时组织实施部门工作，加强事中绩效监测，推进项目进度。"
                "在预算范围使用资金，发挥财政资金最大效益。对自评中发现的问题及时进行了整改，促进工作效率进一步提高；"
                "按照要求对绩效自评结果及时公开。",
            ]),
            conclusion=(
                "2024年，金口河区妇联按照国家的法律法规加强预算管理，不断完善内控制度，取得了较好的预算执行效果。"
                "认真地完成了2024年部门预算和决算工作，能够按照财政部门批复的预算组织实施。项目资金的分配使用合规合法，"
                "各项绩效指标完成良好；财务管理不断健全规范，没有发生违法违规现象。2024年的部门整体支出做到了使用规范、程序透明、"
                "达到预期绩效目标，确保了机关的正常运行和部门职能的正常履行，保证了目标任务的圆满完成。"
            ),
        ),
        problems=[
            "区妇联编制少，人力不足，造成妇女儿童权益保护等方面达不到群众期望要求；动员广大妇女积极全区各项事业发展的能力有待进一步提高。",
        ],
        measures=[
            "进一步加强预算资金管理培训，提高预算的计划性、科学性，确保专项资金使用合规合法；"
            "加大区妇联部门日常公用经费预算比重，确保部门运转支出正常运行。",
        ],
    )


# ---------------------------------------------------------------------------------------- seed 004

# 年度总体工作和重点工作任务 prints the key tasks as one sentence joined by "；".
TASKS_004 = [
    "开展“三八”妇女节系列活动",
    "加大家庭家风家教宣传力度",
    "维护妇女儿童合法权益",
    "夯实基层妇联组织建设",
    "促进最美家庭建设",
    "关心关爱困境母亲、重症及困境儿童家庭，密切联系群众",
    "实施新一轮黄埔区妇女儿童发展规划（2021-2030年），推动妇女儿童更好享受经济社会发展成果",
    "开展省级“舒心驿站”建设工作，扩大基层社区心理服务覆盖范围，更好地满足广大妇女儿童心理服务需求",
    "加强婚姻家庭调解阵地建设，加大纠纷的调处力度，化解家庭纠纷，拓宽服务群众的覆盖面",
]

ACHIEVEMENTS_004 = [
    NarrativeBlock(
        title="持之以恒拓新路，思政建设有板有眼",
        text=(
            "一是持之以恒学党史。深入学习习近平总书记关于党的历史的重要论述，将党史学习作为常态化内容纳入党组中心组学习，"
            "严格落实政治要件责任制。二是持之以恒守纪律。严格遵守中央八项规定，开展纪教育学习月活动，将巡察整改、纪律教育与"
            "“我为群众办实事”实践活动紧密结合，引导党员干部坚定自觉，筑牢“三个决不允许”严规铁律，打造一支对党忠诚、让党放心、"
            "让群众满意的妇联党员干部队伍。三是持之以恒抓党建。严格落实全面从严治党主体责任、意识形态工作责任制和党风廉政建设责任制，"
            "切实解决提高机关党建质量的实际问题。"
        ),
    ),
    NarrativeBlock(
        title="凝心聚力谱新篇，学习贯彻有声有色",
        text=(
            "一是迅速在妇联系统掀起党的二十大精神学习热潮，激发广大企业、妇女群众听党话跟党走。二是2022年“三八”国际妇女节期间，"
            "拍摄“黄埔巾帼绽芳华，一起向未来”主题宣传片，展现我区巾帼风采。三是联合区委组织部举办黄埔区、广州开发区"
            "“铁军答卷人开讲啦”中小企业能办大事巾帼专场活动。四是通过《领航》视频拍摄，抒发了黄埔女性奋力谱写新时代巾帼华章的豪情壮志；"
            "联合黄埔街道党工委、鱼珠街道党工委开展“巾帼心向党 喜迎二十大”群众性主题宣传教育活动。五是联合区直机关工委在区初心使命实践馆"
            "举办以“喜迎党的二十大 弘扬广州好家风”为主题的廉洁文化进机关进家庭活动，营造全面从严治党向纵深发展的良好氛围。"
        ),
    ),
    NarrativeBlock(
        title="笃行不怠创新绩，组织建设有质有效",
        text=(
            "一是扎实推进基层妇联执委星级评定工作，并按照市妇联要求，推荐2名优秀妇联执委进行宣传。二是指导大沙街妇联、优势力妇联、"
            "区公安分局妇委会换届选举，进一步完善基层妇联组织架构；指导成立黄埔区妇联系统第一个省级行业商会妇联组织——"
            "广东省燃气采暖热水炉商会妇联，在巾帼建新功方面增添“她力量”。三是组织召开区妇联二届三次、四次、五次执委会，圆满完成拟定事项。"
            "四是组织开展基层妇干培训。组织近200名基层妇联执委和妇联干部进行线上专题培训。"
        ),
    ),
    NarrativeBlock(
        title="踔厉奋发开新局，关爱家庭有情有力",
        text=(
            "一是全市率先制发《黄埔区妇女儿童发展规划（2021-2030年）》，成立黄埔区儿童友好城市建设工作领导小组，制定印发"
            "《建设2022年工作要点》和《建设实施方案（2022-2024年）》，向市申报夏港街、文冲街为儿童友好示范街道（镇），区图书馆、"
            "广州市南粤航空航天科技创新研究院为儿童友好基地示范点，进一步推动妇女儿童事业发展。二是开展家庭教育大讲堂活动。"
            "以“国际家庭日”为契机，联合区文明办、区纪委监委组织开展廉洁文化进家庭主题活动。持续深耕家庭文明建设，开展寻找“最美家庭”活动，"
            "其中区公安分局吴利敏家庭、区司法局向春燕家庭分别被评为2022年广州市书香家庭、最美家庭，由妇联牵头推荐的广州幸福里党建多功能"
            "展示阵地被评为首批广州市家教家风实践基地；举办家庭教育大讲堂活动21场，推动家庭服务、教育、精神文明建设“三位一体”协调发展。"
            "三是联合各街（镇）妇联共同开展“送温暖”慰问单亲困难母亲活动，走访慰问61名单亲困难母亲家庭，用实际行动传递党和政府、社会的温暖。"
            "四是联合相关街道妇联、中国人寿黄埔支公司等到“玫瑰公益——广州妈妈爱心计划”获赔人员家进行慰问；联合区检察院司法救助2户困难家庭，"
            "走访慰问3户因毒致贫困难女性。五是抓实困境儿童关爱帮扶工作，“六一”儿童节期间走访70户困境儿童，联合区直机关开展"
            "“少年儿童心向党——亲子共沐书香 强国复兴有我”活动，在学习强国进行宣传报道。"
        ),
    ),
    NarrativeBlock(
        title="扬帆逐浪展新颜，助力发展有亮有为",
        blocks=[
            NarrativeBlock(
                title="助推“三农”发展，乡村振兴画卷绚丽",
                text=(
                    "一是打造“广州市巾帼头雁村”。完成九佛街重岗村的“广州市巾帼头雁村”创建，依托特有的历史文化和生态环境优势，"
                    "让人们在美丽乡村中记得住“乡愁”。二是建设农村“妇女之家”示范点。新龙镇洋田村“妇女之家”获评省级示范点，"
                    "成为引领联系妇女群众的新窗口。三是响应国务院常务会议大众创业万众创新的工作部署，为育儿妈妈提供灵活就业平台。"
                    "2022年三八期间揭牌成立“朝九晚四巾帼创客中心云埔站”，全年在全区全覆盖开展育儿妈妈就业创业培训4次，惠及200人次，"
                    "小程序后台已注册企业20余家，开发岗位200余个，在线登记8000余人，安排就业300余人，打造育儿妇女就业创业黄埔样板，"
                    "获市领导肯定并固化经验进行推广。四是落实女大学生创业实践和就业实习基地安排。向市推荐了11家创业就业实习基地，"
                    "广州长洲岛都市农业产业园有限公司、广州市全兴汉华工业发展有限公司分别被命名为“广东省女大学生创业实践和就业实习基地”"
                    "“广州市巾帼创业基地”。五是大力开展就业创业宣传。牵头组织各级妇联依托巾帼志愿服务队开展“南粤巾帼大宣讲”系列活动，"
                    "深入农村、社区、家庭开展妇女就业创业宣传、“南粤家政”、“农村电商”培训宣讲，将培训优惠政策和就业信息第一时间传播进千家万户。"
                ),
            ),
            NarrativeBlock(
                title="强化人才支撑，科技创新走深走实",
                text=(
                    "一是以科技赋能现代农业。联合区委组织部等16个部门全市首创《区科技创新巾帼行动实施方案》，通过8个方面12条“干货措施”"
                    "拓展妇女创业就业渠道。二是联合广州市妇联举办“唱响时代强音”女科技工作者创新创造故事会，激励广大女科技工作者勇做新时代"
                    "科技创新的排头兵。三是邀请区委、区政府领导在“三八”妇女节期间带队走访南方电网研究院、先进教师团体，将区委的关心慰问"
                    "送向科技工作一线。四是召开高层次女性科技者面对面恳谈会、专家咨询会，走访女性科技人才相对集中的科研院所、科技园区等，"
                    "点对点突破精准服务。五是联合省女科技工作者协会筹备成立黄埔区女科技工作者协会，有效健全组织网络。"
                ),
            ),
        ],
    ),
    NarrativeBlock(
        title="亮点纷呈出新彩，服务引领有名有实",
        text=(
            "一是把维护外嫁女权益作为主要任务，主动融入社会治理大格局，主动与区委政法委对接，将外嫁女权益矛盾纠纷事项纳入"
            "“平安家庭”网格事项，进一步织密维护外嫁女权益的防护网，依法保护外嫁女权益，相关经验在市妇联第二季度信访例会中进行介绍。"
            "二是充分发挥区婚姻家庭矛盾纠纷调解委员会作用，设置甄妮品牌调解工作室，打造“一站式”妇女权益维护平台，为175余名妇女提供"
            "免费法律咨询，为11名妇女申请法律援助，接访结案率均达100%。加强省级“舒心驿站”心理咨询室建设，今年开展咨询服务82次、"
            "普法宣讲活动15场，惠及妇女群众2000人次。三是充分发挥基层妇联执委作用，发动巾帼力量参与矛盾纠纷风险隐患排查化解行动，"
            "联合相关镇街妇联化解9宗矛盾纠纷，有效维护社会稳定。四是结合“三八维权周”“禁毒宣传月”等主题活动，组织开展法律法规宣讲，"
            "有效提升妇女自我保护意识。联合黄埔区检察院、关工委联合录制《今天你依法带娃了吗》家庭教育促进法宣传视频。"
            "五是全力全心全员投入抗疫。派出5人次驰援兄弟区疫情防控工作，主动参加双报到街道和第一方阵所在街道全员核酸支援，"
            "全年共支援核酸检测104326人次。发出倡议书3次，组织动员全区各级妇女组织在落实扫场所码、核酸检验采样提速等各项疫情防控措施中"
            "贡献巾帼力量，组建核酸检测采样巾帼志愿队伍。到知识城方舱医院指挥部、隔离酒店、街道疫情防控专班慰问一线女医务人员和女工作者，"
            "联合市妇联、妇女儿童发展中心、妇女儿童福利会捐赠20多万元妇女儿童急需的生活物资，制作并发放8000张“巾帼送暖，爱在黄埔”"
            "心理咨询卡片，将妇联的温暖送到抗疫最前沿。"
        ),
    ),
]


def seed_004() -> Report:
    """广州市黄埔区妇女联合会 2022 年度部门整体支出绩效自评报告 (Guangdong outline)."""
    tasks = [WorkTask(key=f"t{i:02d}", title=title) for i, title in enumerate(TASKS_004, start=1)]

    def act(key, task, when, kind, title, notes="", **figures):
        return Activity(key=key, task_key=task, date=date(2022, *when), kind=kind, title=title,
                        notes=note(notes) if notes else EXAMPLE_DATE, **figures)

    # Linked to the key task whose title fits best; work outside the nine tasks stays unlinked.
    activities = [
        act("a01", "t04", (4, 20), "评选", "推荐优秀妇联执委进行宣传（执委星级评定）", beneficiaries=2, beneficiary_unit=U.PERSON),
        act("a02", "t04", (6, 28), "会议", "区妇联二届三次、四次、五次执委会", "三次会议", sessions=3),
        act("a03", "t04", (9, 15), "培训", "基层妇联执委和妇联干部线上专题培训", "近200名", participants=200),
        act("a04", "t02", (5, 15), "宣讲", "家庭教育大讲堂活动", sessions=21),
        act("a05", "t06", (1, 20), "慰问", "“送温暖”慰问单亲困难母亲家庭", beneficiaries=61, beneficiary_unit=U.PERSON),
        act("a06", "t06", (8, 18), "救助", "联合区检察院司法救助困难家庭", "受益数为户数", beneficiaries=2, beneficiary_unit=U.HOUSEHOLD),
        act("a07", "t06", (8, 25), "慰问", "走访慰问因毒致贫困难女性", "受益数为户数", beneficiaries=3, beneficiary_unit=U.HOUSEHOLD),
        act("a08", "t06", (6, 1), "慰问", "“六一”儿童节走访困境儿童", "受益数为户数", beneficiaries=70, beneficiary_unit=U.HOUSEHOLD),
        act("a09", None, (7, 12), "培训", "育儿妈妈就业创业培训", sessions=4, participants=200),
        act("a10", None, (3, 8), "其他", "“朝九晚四巾帼创客中心云埔站”就业服务",
            "在线登记8000余人，安排就业300余人；注册企业20余家，开发岗位200余个", participants=8000, beneficiaries=300, beneficiary_unit=U.PERSON),
        act("a11", None, (10, 14), "评选", "向市推荐创业就业实习基地", "受益数为基地家数", beneficiaries=11, beneficiary_unit=U.ITEM),
        act("a12", "t03", (11, 10), "其他", "为妇女提供免费法律咨询", "175余名", beneficiaries=175, beneficiary_unit=U.PERSON),
        act("a13", "t03", (11, 24), "其他", "为妇女申请法律援助", beneficiaries=11, beneficiary_unit=U.PERSON),
        act("a14", "t08", (12, 9), "其他", "省级“舒心驿站”心理咨询服务", sessions=82),
        act("a15", "t08", (12, 16), "宣讲", "省级“舒心驿站”普法宣讲活动", sessions=15),
        act("a16", "t08", (12, 23), "其他", "“舒心驿站”咨询服务和普法宣讲惠及妇女群众（合计）",
            "报告只给出两类活动合计的人次", beneficiaries=2000, beneficiary_unit=U.VISIT),
        act("a17", "t09", (10, 26), "调解", "联合镇街妇联化解矛盾纠纷", "场次为纠纷宗数", sessions=9),
        act("a18", None, (4, 6), "志愿服务", "驰援兄弟区疫情防控工作", participants=5),
        act("a19", None, (11, 30), "志愿服务", "支援全员核酸检测", "受益为核酸检测人次", beneficiaries=104326, beneficiary_unit=U.VISIT),
        act("a20", None, (11, 2), "其他", "发出抗疫倡议书", sessions=3),
        act("a21", None, (12, 12), "慰问", "捐赠妇女儿童急需的生活物资", "20多万元，与市妇联等联合捐赠", money=wan("20")),
    ]

    return Report(
        unit=Unit(name="广州市黄埔区妇女联合会", level=UnitLevel.DISTRICT, superior="广州市妇联"),
        fiscal_year=2022,
        outline=Outline.GUANGDONG,
        status=ReportStatus.FINAL,
        rule_set=RuleSet.NATIONAL,
        title="2022年度广州市黄埔区妇女联合会部门整体支出绩效自评报告",
        profile=UnitProfile(
            full_name="广州市黄埔区妇女联合会",
            short_name="黄埔区妇联",
            founding_document_title="广州市黄埔区妇女联合会机关主要任务 内设机构和人员编制规定",
            founding_document="穗埔办〔2017〕6号",
            nature="为黄埔区委、广州开发区党工委领导下的全区各族各界妇女的群众团体组织",
            functions="是党和政府联系妇女群众的桥梁和纽带，代表和维护妇女权益，促进男女平等",
            internal_bodies=["办公室", "权益部（挂区妇女儿童工作委员会办公室牌子）"],
        ),
        tasks=tasks,
        activities=activities,
        finance=Finance(budget=Budget(adjusted=wan("570.54"), executed=wan("537.81"))),
        self_evaluation=SelfEvaluation(entered_total=Decimal("98")),
        narratives=Narratives(
            finance_comment="预算完成情况较好，收支规模、支出进度趋于合理水平。",
            performance_management=(
                "为强化落实绩效管理工作，强化预算支出的责任和效率，提高财政资金使用效益，区妇联完善绩效评价管理机制，制定计划，及时总结，"
                "认真开展绩效管理工作。做好项目支出绩效评价和预算单位支出整体绩效评价。预算编制、执行及使用效益情况均达到了预期的绩效目标，"
                "项目立项依据充分，绩效目标设置合理、资金到位和完成情况良好，项目管理和经费管理均按规定执行，管理流程清晰。"
                "项目过程质量控制规范，完成全部预期工作，工作质量和实效达到预期效果。"
            ),
            task_completion="各项工作任务绩效目标基本达到预期实现值。",
            project_completion="重点任务项目支出预算完成率较高，达到100%。",
            achievements=ACHIEVEMENTS_004,
        ),
        problems=[
            "预算资金支出进度不够均衡，个别项目因合同存续期原因，存在集中在下半年支出的情况，预算编制和执行管理仍需加强。",
            "绩效监控及评价工作认识不够，预算执行过程中对绩效目标及指标有略微调整，存在差异性。",
            "绩效监控成果运用不够科学，存在预算资金安排与绩效监控及绩效评价结果关联不够紧密的情况，未严格执行监控成果与预算安排挂钩的要求。",
        ],
        measures=[
            "加强预算绩效管理。进一步加强预算资金管理，减少预算资金使用的随意性，对预算的事前、事中、事后进行全过程控制，"
            "加大对预算编制与执行的监督管理力度，提高预算编制的科学性和灵活性，充分发挥财政资金的效益。",
            "加强项目实施监控。加强对项目实施进度的实时监控，要求项目负责部室对项目实施过程中的进度异常、实施范围调整等及时报批或备案，"
            "对达成政府采购标准的项目支出，严格执行政府采购流程优选供应商。",
            "健全完善绩效评价结果与本部门预算编制管理相挂钩机制。强化绩效评价的结果应用，深入分析绩效评价结果发现的问题，"
            "落实好评价发现问题的整改，不断提高部门预算绩效管理水平和财政资金使用效率。",
        ],
    )


# ---------------------------------------------------------------------------------------- files

SEEDS = {SEED_000: seed_000, SEED_004: seed_004}
# The export time is fixed so that the fixtures can be rebuilt byte for byte.
EXPORTED_AT = {SEED_000: "2025-03-31T00:00:00+00:00", SEED_004: "2023-03-31T00:00:00+00:00"}


def render(name: str) -> str:
    """The exchange text of one seed, as `desktop.exchange.dumps` writes it, with a fixed export time."""
    document = json.loads(dumps(SEEDS[name]()))
    document["exported_at"] = EXPORTED_AT[name]
    # The seeds stand for files exported before the envelope had a checksum (read as 未校验).
    document.pop("checksum", None)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name in SEEDS:
        path = HERE / name
        text = render(name)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path}")
    for name in stale:
        print(f"{name} differs from what build_seeds.py builds", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
