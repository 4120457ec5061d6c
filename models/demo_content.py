"""Demo content for xinsheng: one invented street, its duty catalog and resident request scenarios.

Pure data for the deterministic demo database builder (models.demo). All text is invented Simplified
Chinese in the tone of a street office after the "小马拉大车" duty cut. Template strings may contain the
slots {building}, {unit}, {road}, {place}, {shop}, {time} and {days} (filled from SLOTS with str.format);
no other braces appear in any string.
"""

from typing import TypedDict


class CatalogEntry(TypedDict, total=False):
    code: str
    name: str
    category: str
    department: str
    duty: str
    merged_into: str
    keywords: list[str]
    hours_per_year: int
    effective_from: str
    description: str


class Scenario(TypedDict, total=False):
    item: str
    kind: str
    urgency: str
    titles: list[str]
    texts: list[str]
    resolutions: list[str]


STREET: str = "槐安街道"
DISTRICT: str = "清澜区"

COMMUNITIES: list[tuple[str, int]] = [
    ("槐安里社区", 4),
    ("杏园北里社区", 5),
    ("西仓胡同社区", 3),
    ("清水湾社区", 4),
    ("棉纺路社区", 5),
    ("金桂园社区", 3),
]

DEPARTMENTS: list[tuple[str, str]] = [
    # 区级部门
    ("区委组织部", "district"),
    ("区总工会", "district"),
    ("区团委", "district"),
    ("区妇联", "district"),
    ("区住建局", "district"),
    ("区房管局", "district"),
    ("区城管委", "district"),
    ("区城管执法局", "district"),
    ("区水务局", "district"),
    ("区市场监管局", "district"),
    ("区生态环境局", "district"),
    ("区卫健委", "district"),
    ("区民政局", "district"),
    ("区人社局", "district"),
    ("区医保局", "district"),
    ("区教委", "district"),
    ("区交通委", "district"),
    ("区公安分局", "district"),
    ("槐安派出所", "district"),
    ("区公安交通支队", "district"),
    ("区消防救援支队", "district"),
    ("区园林绿化局", "district"),
    ("区应急管理局", "district"),
    ("区残联", "district"),
    ("区司法局", "district"),
    ("区统计局", "district"),
    ("区商务局", "district"),
    ("区文旅局", "district"),
    ("区体育局", "district"),
    ("区退役军人事务局", "district"),
    ("区政务服务局", "district"),
    ("区税务局", "district"),
    ("区人武部", "district"),
    ("区规划自然资源分局", "district"),
    # 街道内设机构
    ("街道党群工作办公室", "street"),
    ("街道党政综合办公室", "street"),
    ("街道城市管理办公室", "street"),
    ("街道平安建设办公室", "street"),
    ("街道社区建设办公室", "street"),
    ("街道民生保障办公室", "street"),
    ("街道经济发展办公室", "street"),
    ("街道综合保障办公室", "street"),
    ("街道综合行政执法队", "street"),
    ("街道接诉即办中心", "street"),
    ("街道政务服务中心", "street"),
    ("街道退役军人服务站", "street"),
    ("街道纪工委", "street"),
    ("街道人大工委", "street"),
    # 社区
    ("社区居委会", "community"),
    # 公共服务企业和其他单位
    ("供电公司", "external"),
    ("自来水公司", "external"),
    ("燃气公司", "external"),
    ("热力公司", "external"),
    ("物业服务企业", "external"),
    ("通信运营商", "external"),
    ("共享单车运营企业", "external"),
]

CATEGORIES: list[str] = ["基层党建", "城乡建设", "经济发展", "村社区建设", "综合治理", "公共服务", "综合保障"]

CATALOG: list[CatalogEntry] = [
    # ── 基层党建 ──────────────────────────────────────────────
    {
        "code": "DJ-001", "name": "社区党组织换届选举指导", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["换届", "党支部选举", "党委委员", "投票"], "hours_per_year": 120,
        "description": "指导社区党组织按期换届，审核候选人资格并监督选举程序。",
    },
    {
        "code": "DJ-002", "name": "发展党员和党员教育管理", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["入党", "入党申请书", "积极分子", "党员学习"], "hours_per_year": 260,
        "description": "负责社区和非公领域发展党员的培养考察，组织党员日常教育和组织生活。",
    },
    {
        "code": "DJ-003", "name": "党员组织关系接转", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["转组织关系", "退休党员", "党费", "流动党员"], "hours_per_year": 90,
        "description": "办理党员组织关系转入转出，接收退休党员和流动党员回社区管理。",
    },
    {
        "code": "DJ-004", "name": "在职党员回社区报到服务", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["在职党员", "双报到", "报到", "认领岗位", "党员志愿"], "hours_per_year": 150,
        "description": "组织在职党员回居住地社区报到，认领楼门服务、助老等岗位并记录服务情况。",
    },
    {
        "code": "DJ-005", "name": "党群服务中心运行管理", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["党群服务中心", "活动室开放", "借场地", "阅览室"], "hours_per_year": 400,
        "description": "保障街道和社区党群服务中心日常开放，统筹场地使用和服务项目。",
    },
    {
        "code": "DJ-006", "name": "非公企业和社会组织党建", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["非公企业", "商务楼宇", "党支部", "社会组织"], "hours_per_year": 110,
        "description": "推动辖区非公企业、商务楼宇和社会组织党组织覆盖和规范运行。",
    },
    {
        "code": "DJ-007", "name": "物业服务党建联建", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["红色物业", "党建联建", "物业", "三方联动"], "hours_per_year": 80,
        "description": "由社区党组织牵头，建立社区、物业服务企业、业委会三方议事协调机制。",
    },
    {
        "code": "DJ-008", "name": "社区服务群众专项经费管理", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["服务群众经费", "党建经费", "经费公示"], "hours_per_year": 60,
        "description": "审核社区服务群众专项经费使用项目，组织居民议定并公示使用情况。",
    },
    {
        "code": "DJ-009", "name": "党员志愿服务积分管理", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "merged", "merged_into": "DJ-004",
        "keywords": ["志愿积分", "党员积分", "服务时长"], "hours_per_year": 70,
        "effective_from": "2026-01-01",
        "description": "与在职党员回社区报到服务对象和流程重合，并入该事项统一记录服务积分。",
    },
    {
        "code": "DJ-010", "name": "党建工作纸质台账报送", "category": "基层党建",
        "department": "区委组织部", "duty": "cancelled",
        "keywords": ["台账", "报送", "留痕"], "hours_per_year": 180,
        "effective_from": "2025-12-15",
        "description": "与党建信息系统重复留痕，经合规性审查予以取消，所需数据由系统自动生成。",
    },
    {
        "code": "DJ-011", "name": "非公经济组织党建数据逐户填报", "category": "基层党建",
        "department": "区委组织部", "duty": "returned",
        "keywords": ["党建数据", "填报", "企业党员"], "hours_per_year": 70,
        "effective_from": "2026-03-01",
        "description": "改由区委组织部通过市场主体登记数据比对采集，街道不再逐户上门填报。",
    },
    {
        "code": "DJ-012", "name": "区管干部下沉包联社区", "category": "基层党建",
        "department": "区委组织部", "duty": "assist",
        "keywords": ["包联", "下沉干部", "联系点", "干部走访"], "hours_per_year": 70,
        "description": "区委组织部统筹区管干部包联社区，街道配合安排走访和接待居民。",
    },
    {
        "code": "DJ-013", "name": "基层监督和群众身边不正之风治理", "category": "基层党建",
        "department": "街道纪工委", "duty": "own",
        "keywords": ["优亲厚友", "吃拿卡要", "举报", "廉政", "低保不公"], "hours_per_year": 100,
        "description": "受理群众对社区干部优亲厚友、吃拿卡要等问题的反映并核查处理。",
    },
    {
        "code": "DJ-014", "name": "基层立法联系点意见征集", "category": "基层党建",
        "department": "街道人大工委", "duty": "own",
        "keywords": ["立法", "法律草案", "征求意见", "提建议", "条例"], "hours_per_year": 140,
        "description": "组织居民对法律法规草案提出意见，原汁原味整理后报送立法机关。",
    },
    {
        "code": "DJ-015", "name": "老党员和困难党员走访慰问", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["慰问", "老党员", "生活困难", "住院"], "hours_per_year": 90,
        "description": "定期走访高龄、患病和生活困难党员，帮助解决实际困难。",
    },
    {
        "code": "DJ-016", "name": "“光荣在党50年”纪念章颁发", "category": "基层党建",
        "department": "街道党群工作办公室", "duty": "own",
        "keywords": ["纪念章", "入党50年", "颁发"], "hours_per_year": 30,
        "description": "核对党龄，为入党满五十年的党员颁发纪念章，行动不便的上门颁发。",
    },
    {
        "code": "DJ-017", "name": "工会组织建设和困难职工帮扶", "category": "基层党建",
        "department": "区总工会", "duty": "assist",
        "keywords": ["工会", "困难职工", "会员卡", "入会"], "hours_per_year": 80,
        "description": "区总工会负责困难职工认定和帮扶，街道工会联合会配合组织小微企业职工入会。",
    },
    {
        "code": "DJ-018", "name": "青年工作和少先队校外活动", "category": "基层党建",
        "department": "区团委", "duty": "assist",
        "keywords": ["青年", "团员", "寒暑假", "少先队", "大学生实践"], "hours_per_year": 50,
        "description": "区团委组织青少年校外活动和大学生社会实践，社区配合提供场地和岗位。",
    },
    {
        "code": "DJ-019", "name": "妇联组织建设和妇女儿童关爱", "category": "基层党建",
        "department": "区妇联", "duty": "assist",
        "keywords": ["妇联", "妇女", "单亲妈妈", "两癌筛查"], "hours_per_year": 90,
        "description": "区妇联开展妇女儿童关爱和技能培训，社区妇联配合宣传和组织报名。",
    },
    {
        "code": "DJ-020", "name": "党建示范点创建评比申报", "category": "基层党建",
        "department": "区委组织部", "duty": "cancelled",
        "keywords": ["示范点", "创建", "评比"], "hours_per_year": 120,
        "effective_from": "2026-01-01",
        "description": "各类创建评比过多、申报材料重复，清理后取消街道和社区的申报任务。",
    },
    # ── 城乡建设 ──────────────────────────────────────────────
    {
        "code": "CJ-001", "name": "老旧小区加装电梯居民协调", "category": "城乡建设",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["电梯", "加装电梯", "爬楼", "一楼不同意", "老楼"], "hours_per_year": 300,
        "description": "组织楼栋居民协商加装电梯意愿，调解低层住户异议，推动项目落地。",
    },
    {
        "code": "CJ-002", "name": "加装电梯审批和财政补贴发放", "category": "城乡建设",
        "department": "区住建局", "duty": "returned",
        "keywords": ["电梯补贴", "审批", "加装手续", "规划许可"], "hours_per_year": 120,
        "effective_from": "2026-03-01",
        "description": "加装电梯联合审批和补贴审核由区住建局统一办理，街道不再收转申报材料。",
    },
    {
        "code": "CJ-003", "name": "老旧小区综合整治", "category": "城乡建设",
        "department": "区住建局", "duty": "assist",
        "keywords": ["老旧小区改造", "外墙保温", "管线改造", "改造工程"], "hours_per_year": 400,
        "description": "区住建局组织老旧小区综合整治，街道配合征求居民意见和协调施工矛盾。",
    },
    {
        "code": "CJ-004", "name": "楼道适老化设施配置", "category": "城乡建设",
        "department": "社区居委会", "duty": "own",
        "keywords": ["楼道椅子", "折叠椅", "扶手", "歇脚", "爬不动"], "hours_per_year": 80,
        "description": "在未加装电梯的楼栋楼道配置折叠座椅、扶手等适老设施，方便老人上下楼歇脚。",
    },
    {
        "code": "CJ-005", "name": "无物业老旧小区准物业管理", "category": "城乡建设",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["没物业", "没人管", "弃管", "准物业", "门禁坏了"], "hours_per_year": 350,
        "description": "为无物业、弃管的老旧小区引入准物业服务，保障保洁、维修和门岗等基本服务。",
    },
    {
        "code": "CJ-006", "name": "物业服务纠纷协调", "category": "城乡建设",
        "department": "街道社区建设办公室", "duty": "own",
        "keywords": ["物业", "物业费", "物业不作为", "物业公司", "报修"], "hours_per_year": 600,
        "description": "受理居民与物业服务企业之间的服务纠纷，组织协商调解并督促整改。",
    },
    {
        "code": "CJ-007", "name": "物业服务企业监督和违规处理", "category": "城乡建设",
        "department": "区房管局", "duty": "returned",
        "keywords": ["物业收费", "乱收费", "物业违规", "换物业"], "hours_per_year": 100,
        "effective_from": "2026-01-01",
        "description": "物业企业信用评价、收费检查和违规查处由区房管局统一负责，街道只做纠纷调解。",
    },
    {
        "code": "CJ-008", "name": "业主大会和业委会组建指导", "category": "城乡建设",
        "department": "街道社区建设办公室", "duty": "own",
        "keywords": ["业委会", "业主大会", "业主投票", "成立业委会"], "hours_per_year": 180,
        "description": "指导业主大会筹备、业委会选举和换届，监督业委会依规公开账目。",
    },
    {
        "code": "CJ-009", "name": "住宅专项维修资金使用审核", "category": "城乡建设",
        "department": "区房管局", "duty": "returned",
        "keywords": ["维修资金", "大修基金", "动用维修资金"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "维修资金使用审核和应急动用由区房管局直接受理，街道不再出具初审意见。",
    },
    {
        "code": "CJ-010", "name": "老旧公房屋面漏雨维修", "category": "城乡建设",
        "department": "区房管局", "duty": "assist",
        "keywords": ["漏雨", "屋顶漏水", "顶楼", "防水", "渗水"], "hours_per_year": 200,
        "description": "区房管局所属房管所负责公房屋面修缮，社区配合摸排漏雨住户并入户查看。",
    },
    {
        "code": "CJ-011", "name": "居民楼内管道渗漏协调处置", "category": "城乡建设",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["漏水", "楼上漏水", "水管", "跑水", "滴水"], "hours_per_year": 450,
        "description": "协调楼内上下水管道渗漏、跑水问题，联系产权人和维修单位并调解相邻纠纷。",
    },
    {
        "code": "CJ-012", "name": "供水管线爆管和停水抢修", "category": "城乡建设",
        "department": "自来水公司", "duty": "assist",
        "keywords": ["停水", "爆管", "没水", "水压低", "水管裂"], "hours_per_year": 150,
        "description": "供水企业负责管网抢修和计划停水告知，街道配合通知居民、设置临时供水点。",
    },
    {
        "code": "CJ-013", "name": "二次供水设施和水质问题", "category": "城乡建设",
        "department": "区水务局", "duty": "assist",
        "keywords": ["水发黄", "水有味", "水箱", "水质", "自来水浑"], "hours_per_year": 60,
        "description": "区水务局监管二次供水设施和水质检测，社区配合收集居民反映并组织公示。",
    },
    {
        "code": "CJ-014", "name": "供暖和生活热水保障协调", "category": "城乡建设",
        "department": "热力公司", "duty": "assist",
        "keywords": ["暖气不热", "没暖气", "供暖", "室温低", "没热水"], "hours_per_year": 350,
        "description": "供热企业负责供暖和生活热水保障，街道配合入户测温、协调管线检修。",
    },
    {
        "code": "CJ-015", "name": "集中生活热水供应协调", "category": "城乡建设",
        "department": "热力公司", "duty": "merged", "merged_into": "CJ-014",
        "keywords": ["热水", "洗澡", "水不热"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "与供暖保障事项对象、流程相同，合并到供暖和生活热水保障协调办理。",
    },
    {
        "code": "CJ-016", "name": "居民用电故障和停电抢修协调", "category": "城乡建设",
        "department": "供电公司", "duty": "assist",
        "keywords": ["停电", "没电", "跳闸", "电压不稳", "电表箱"], "hours_per_year": 120,
        "description": "供电企业负责线路抢修和停电告知，街道配合排查用电隐患、通知重点用户。",
    },
    {
        "code": "CJ-017", "name": "燃气泄漏应急处置", "category": "城乡建设",
        "department": "燃气公司", "duty": "assist",
        "keywords": ["燃气", "煤气味", "漏气", "天然气", "燃气表"], "hours_per_year": 150,
        "description": "燃气企业负责泄漏抢险和设施维修，街道配合疏散居民、维持现场秩序。",
    },
    {
        "code": "CJ-018", "name": "燃气用户入户安全检查", "category": "城乡建设",
        "department": "区城管委", "duty": "returned",
        "keywords": ["燃气安检", "入户检查", "燃气报警器", "胶管"], "hours_per_year": 260,
        "effective_from": "2026-01-01",
        "description": "入户安检由燃气企业实施、区城管委监管，街道不再组织人员逐户检查。",
    },
    {
        "code": "CJ-019", "name": "街巷道路坑槽和路面破损维修", "category": "城乡建设",
        "department": "区城管委", "duty": "returned",
        "keywords": ["坑", "路面塌陷", "坑洼", "路不平", "人行道砖"], "hours_per_year": 200,
        "effective_from": "2026-03-01",
        "description": "街巷道路养护统一移交区城管委所属养护单位，街道不再自行组织修补。",
    },
    {
        "code": "CJ-020", "name": "背街小巷环境整治", "category": "城乡建设",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["背街小巷", "胡同", "脏乱差", "乱堆乱放"], "hours_per_year": 500,
        "description": "组织背街小巷清理堆物、墙面整饬和日常保洁巡查。",
    },
    {
        "code": "CJ-021", "name": "城市道路路灯维护", "category": "城乡建设",
        "department": "区城管委", "duty": "returned",
        "keywords": ["路灯不亮", "路灯", "黑灯瞎火", "照明"], "hours_per_year": 80,
        "effective_from": "2026-01-01",
        "description": "市政路灯由区城管委路灯管理单位统一维护，街道不再承担报修和巡检。",
    },
    {
        "code": "CJ-022", "name": "楼道灯和小区内部照明维修协调", "category": "城乡建设",
        "department": "社区居委会", "duty": "own",
        "keywords": ["楼道灯", "声控灯", "灯坏了", "楼道太黑"], "hours_per_year": 60,
        "description": "协调物业或准物业维修楼道灯、单元门灯等小区内部照明设施。",
    },
    {
        "code": "CJ-023", "name": "井盖和雨水篦子缺损处置", "category": "城乡建设",
        "department": "区城管委", "duty": "returned",
        "keywords": ["井盖", "井盖丢了", "下水井", "雨水篦子", "井盖响"], "hours_per_year": 50,
        "effective_from": "2026-04-01",
        "description": "按产权由管线单位负责补装维修，区城管委统一督办，街道只做发现上报。",
    },
    {
        "code": "CJ-024", "name": "雨污水管道疏通和污水外溢", "category": "城乡建设",
        "department": "区水务局", "duty": "assist",
        "keywords": ["下水道堵", "污水", "返味", "化粪池", "冒水"], "hours_per_year": 220,
        "description": "区水务局组织排水单位疏通管道和清掏化粪池，街道配合现场协调。",
    },
    {
        "code": "CJ-025", "name": "下穿通道和低洼路段防汛排水", "category": "城乡建设",
        "department": "区水务局", "duty": "assist",
        "keywords": ["积水", "下穿桥", "地下通道", "淹了", "排水"], "hours_per_year": 150,
        "description": "区水务局负责下凹桥区和地下通道排水设施运行，街道汛期配合值守和警戒。",
    },
    {
        "code": "CJ-026", "name": "违法建设巡查和制止", "category": "城乡建设",
        "department": "街道综合行政执法队", "duty": "own",
        "keywords": ["违建", "私搭乱建", "加盖", "阳光房", "圈地"], "hours_per_year": 600,
        "description": "巡查发现新增违法建设，及时制止在建行为并依法立案查处。",
    },
    {
        "code": "CJ-027", "name": "存量违法建设拆除", "category": "城乡建设",
        "department": "区城管执法局", "duty": "assist",
        "keywords": ["拆违", "违建拆除", "拆除", "存量违建"], "hours_per_year": 300,
        "description": "区城管执法局牵头组织存量违建强制拆除，街道配合入户宣传和现场保障。",
    },
    {
        "code": "CJ-028", "name": "住宅装修拆改承重结构查处", "category": "城乡建设",
        "department": "区住建局", "duty": "returned",
        "keywords": ["装修", "砸墙", "承重墙", "拆改"], "hours_per_year": 80,
        "effective_from": "2026-04-01",
        "description": "涉及房屋结构安全的装修违规由区住建局依法查处，街道不具备鉴定和执法能力。",
    },
    {
        "code": "CJ-029", "name": "道路绿化养护和树木修剪", "category": "城乡建设",
        "department": "区园林绿化局", "duty": "assist",
        "keywords": ["树枝", "修剪", "挡光", "大树", "绿地"], "hours_per_year": 250,
        "description": "区园林绿化局负责绿化养护和树木修剪审批，街道配合收集需求、协调现场。",
    },
    {
        "code": "CJ-030", "name": "小区树木修剪申报", "category": "城乡建设",
        "department": "区园林绿化局", "duty": "merged", "merged_into": "CJ-029",
        "keywords": ["小区树", "剪树", "杨絮", "树挡窗户"], "hours_per_year": 70,
        "effective_from": "2026-01-01",
        "description": "与道路绿化养护和树木修剪流程一致，合并办理，避免两头申报。",
    },
    {
        "code": "CJ-031", "name": "古树名木保护", "category": "城乡建设",
        "department": "区园林绿化局", "duty": "returned",
        "keywords": ["古树", "老槐树", "挂牌保护"], "hours_per_year": 20,
        "effective_from": "2025-12-01",
        "description": "古树名木日常养护和复壮由区园林绿化局专业队伍负责，街道不再承担巡护记录。",
    },
    {
        "code": "CJ-032", "name": "毁绿种菜和绿地侵占查处", "category": "城乡建设",
        "department": "区园林绿化局", "duty": "returned",
        "keywords": ["种菜", "毁绿", "绿地被占", "菜地"], "hours_per_year": 100,
        "effective_from": "2026-03-01",
        "description": "侵占、毁坏公共绿地的查处和恢复由区园林绿化局负责，街道配合劝导。",
    },
    {
        "code": "CJ-033", "name": "老旧小区停车管理", "category": "城乡建设",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["停车难", "车位", "停车管理", "道闸", "乱停"], "hours_per_year": 300,
        "description": "组织老旧小区停车自治管理，施划车位、引入停车管理单位并维护停车秩序。",
    },
    {
        "code": "CJ-034", "name": "公共充电桩建设协调", "category": "城乡建设",
        "department": "区城管委", "duty": "assist",
        "keywords": ["充电桩", "电动汽车", "新能源车充电"], "hours_per_year": 60,
        "description": "区城管委统筹汽车充电设施布局，街道配合协调物业和居民报装。",
    },
    {
        "code": "CJ-035", "name": "电动自行车集中充电设施建设", "category": "城乡建设",
        "department": "区城管委", "duty": "assist",
        "keywords": ["充电棚", "电动车充电", "充电口", "充电桩不够"], "hours_per_year": 150,
        "description": "区城管委统筹电动自行车充电设施建设，街道配合选址和居民意见征询。",
    },
    {
        "code": "CJ-036", "name": "建筑工地夜间施工和扬尘查处", "category": "城乡建设",
        "department": "区城管执法局", "duty": "returned",
        "keywords": ["夜间施工", "工地", "打桩", "扬尘", "施工噪音"], "hours_per_year": 200,
        "effective_from": "2026-01-01",
        "description": "施工噪声和扬尘执法由区城管执法局统一实施，街道不再组织夜间蹲守取证。",
    },
    {
        "code": "CJ-037", "name": "房屋安全隐患排查", "category": "城乡建设",
        "department": "区住建局", "duty": "assist",
        "keywords": ["危房", "墙裂缝", "阳台掉渣", "房子裂"], "hours_per_year": 120,
        "description": "区住建局组织房屋安全鉴定和危房治理，街道配合摸排和设置警示。",
    },
    {
        "code": "CJ-038", "name": "外墙和空调外机坠落隐患处置", "category": "城乡建设",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["外墙", "墙皮掉", "瓷砖掉", "空调外机", "高处坠物"], "hours_per_year": 80,
        "description": "发现外墙饰面、空调支架等坠落隐患后设置警戒，督促产权人限期排除。",
    },
    {
        "code": "CJ-039", "name": "老旧小区基础数据统计", "category": "城乡建设",
        "department": "区住建局", "duty": "cancelled",
        "keywords": ["数据统计", "填表", "入户登记"], "hours_per_year": 160,
        "effective_from": "2025-12-15",
        "description": "与住建部门系统数据重复采集，经逐项研判予以取消，数据改由部门共享。",
    },
    {
        "code": "CJ-040", "name": "房屋征收补偿协调", "category": "城乡建设",
        "department": "区住建局", "duty": "returned",
        "keywords": ["拆迁", "征收", "补偿款", "腾退"], "hours_per_year": 60,
        "effective_from": "2026-03-01",
        "description": "征收补偿方案、协议签订和补偿款发放由区住建局征收部门负责。",
    },
    {
        "code": "CJ-041", "name": "地下空间违规住人整治", "category": "城乡建设",
        "department": "区住建局", "duty": "returned",
        "keywords": ["地下室", "住人", "人防工程", "地下室出租"], "hours_per_year": 40,
        "effective_from": "2026-04-01",
        "description": "地下空间使用监管和违规住人清退由区住建局负责，街道只做发现报告。",
    },
    {
        "code": "CJ-042", "name": "通信线缆架空和信号覆盖", "category": "城乡建设",
        "department": "通信运营商", "duty": "assist",
        "keywords": ["网线", "飞线", "光纤", "信号差", "宽带"], "hours_per_year": 80,
        "description": "通信运营商负责线缆梳理和信号覆盖，街道配合协调楼宇进场。",
    },
    {
        "code": "CJ-043", "name": "无障碍设施建设和维护", "category": "城乡建设",
        "department": "区住建局", "duty": "assist",
        "keywords": ["无障碍", "坡道", "轮椅", "盲道"], "hours_per_year": 40,
        "description": "区住建局统筹无障碍设施建设改造，街道配合排查需求和清理占用。",
    },
    {
        "code": "CJ-044", "name": "公共厕所管理", "category": "城乡建设",
        "department": "区城管委", "duty": "returned",
        "keywords": ["公厕", "厕所脏", "公共厕所", "厕所没水"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "公厕保洁维修和开放时间由区城管委环卫部门统一管理，街道不再督查考核。",
    },
    {
        "code": "CJ-045", "name": "生活垃圾分类管理", "category": "城乡建设",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["垃圾分类", "垃圾桶", "桶站", "厨余", "分类"], "hours_per_year": 500,
        "description": "设置分类桶站、组织桶前值守和入户宣传，督促清运单位分类运输。",
    },
    {
        "code": "CJ-046", "name": "垃圾清运和桶站满溢处置", "category": "城乡建设",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["垃圾满了", "垃圾没人清", "臭", "垃圾站"], "hours_per_year": 300,
        "description": "督促清运单位按时清运，处置桶站满溢和垃圾站异味问题。",
    },
    {
        "code": "CJ-047", "name": "大件垃圾和装修垃圾清运", "category": "城乡建设",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["装修垃圾", "旧沙发", "大件垃圾", "旧家具"], "hours_per_year": 150,
        "description": "设置大件和装修垃圾临时堆放点，组织预约清运。",
    },
    {
        "code": "CJ-048", "name": "餐厨垃圾收运监管", "category": "城乡建设",
        "department": "区城管委", "duty": "returned",
        "keywords": ["泔水", "餐厨垃圾", "地沟油"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "餐厨垃圾收运资质和违规倾倒由区城管委监管，街道不再核查商户收运台账。",
    },
    {
        "code": "CJ-049", "name": "电梯运行安全监管", "category": "城乡建设",
        "department": "区市场监管局", "duty": "returned",
        "keywords": ["电梯坏了", "电梯困人", "电梯年检", "电梯异响"], "hours_per_year": 100,
        "effective_from": "2026-01-01",
        "description": "特种设备安全监管由区市场监管局负责，街道不再开展电梯安全检查。",
    },
    {
        "code": "CJ-050", "name": "河道水体环境整治", "category": "城乡建设",
        "department": "区水务局", "duty": "assist",
        "keywords": ["河道", "臭水沟", "河水黑", "河里垃圾"], "hours_per_year": 100,
        "description": "区水务局负责河道保洁和排污口治理，街道河长配合巡河。",
    },
    {
        "code": "CJ-051", "name": "房屋租赁中介纠纷", "category": "城乡建设",
        "department": "区住建局", "duty": "returned",
        "keywords": ["中介", "押金", "房东", "不退押金", "租房"], "hours_per_year": 80,
        "effective_from": "2026-03-01",
        "description": "房地产经纪机构监管和租赁纠纷处理由区住建局负责，街道不再组织调解。",
    },
    {
        "code": "CJ-052", "name": "公租房和保障性住房申请", "category": "城乡建设",
        "department": "区住建局", "duty": "returned",
        "keywords": ["公租房", "廉租房", "保障房", "租房补贴"], "hours_per_year": 100,
        "effective_from": "2026-01-01",
        "description": "住房保障申请改为网上直接向区住建局提交，街道不再初审和入户调查。",
    },
    {
        "code": "CJ-053", "name": "道路挖掘和占道施工监管", "category": "城乡建设",
        "department": "区城管委", "duty": "returned",
        "keywords": ["挖路", "围挡", "占道施工", "路挖开了"], "hours_per_year": 80,
        "effective_from": "2026-04-01",
        "description": "道路挖掘审批和施工恢复监管由区城管委负责，街道不再承担巡查督办。",
    },
    {
        "code": "CJ-054", "name": "地名和门牌标志设置", "category": "城乡建设",
        "department": "区民政局", "duty": "returned",
        "keywords": ["门牌", "楼号", "门牌号", "找不到楼"], "hours_per_year": 40,
        "effective_from": "2026-03-01",
        "description": "楼号门牌编制和设置由区民政局地名管理部门统一负责。",
    },
    {
        "code": "CJ-055", "name": "不动产登记和房产证办理咨询", "category": "城乡建设",
        "department": "区规划自然资源分局", "duty": "returned",
        "keywords": ["房产证", "不动产证", "过户", "产权"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "不动产登记和历史遗留办证问题由区规划自然资源分局负责，街道不再代收材料。",
    },
    # ── 经济发展 ──────────────────────────────────────────────
    {
        "code": "JJ-001", "name": "辖区企业走访服务", "category": "经济发展",
        "department": "街道经济发展办公室", "duty": "own",
        "keywords": ["企业", "营商环境", "企业诉求", "办事难"], "hours_per_year": 250,
        "description": "定期走访辖区企业，收集并协调解决企业经营中遇到的困难。",
    },
    {
        "code": "JJ-002", "name": "商务楼宇服务和空置楼宇盘活", "category": "经济发展",
        "department": "街道经济发展办公室", "duty": "own",
        "keywords": ["写字楼", "楼宇", "空置", "招租"], "hours_per_year": 200,
        "description": "服务商务楼宇入驻企业，对接空置楼宇资源促进盘活利用。",
    },
    {
        "code": "JJ-003", "name": "经济普查和统计调查入户", "category": "经济发展",
        "department": "区统计局", "duty": "assist",
        "keywords": ["普查", "统计", "入户调查", "普查员"], "hours_per_year": 300,
        "description": "区统计局组织普查和抽样调查，街道配合选聘普查员、协调入户。",
    },
    {
        "code": "JJ-004", "name": "个体工商户登记帮办", "category": "经济发展",
        "department": "区市场监管局", "duty": "returned",
        "keywords": ["营业执照", "个体户", "注册", "执照"], "hours_per_year": 80,
        "effective_from": "2026-01-01",
        "description": "市场主体登记全程网办，由区市场监管局直接受理，街道不再设帮办岗。",
    },
    {
        "code": "JJ-005", "name": "无照经营查处", "category": "经济发展",
        "department": "区市场监管局", "duty": "returned",
        "keywords": ["无照", "没执照", "黑作坊", "无证经营"], "hours_per_year": 100,
        "effective_from": "2026-01-01",
        "description": "无照经营查处属市场监管执法事项，收回区市场监管局，街道只做线索移送。",
    },
    {
        "code": "JJ-006", "name": "食品安全监督检查", "category": "经济发展",
        "department": "区市场监管局", "duty": "returned",
        "keywords": ["食品安全", "过期", "变质", "吃坏肚子", "卫生差"], "hours_per_year": 250,
        "effective_from": "2026-01-01",
        "description": "食品经营监督检查由区市场监管局及其派出所负责，街道不再组织日常检查。",
    },
    {
        "code": "JJ-007", "name": "消费纠纷和预付卡维权", "category": "经济发展",
        "department": "区市场监管局", "duty": "returned",
        "keywords": ["退费", "预付卡", "跑路", "价格", "消费"], "hours_per_year": 150,
        "effective_from": "2026-03-01",
        "description": "消费投诉和预付卡纠纷由区市场监管局统一受理调解，街道不再承担登记和调处。",
    },
    {
        "code": "JJ-008", "name": "农贸市场秩序和环境", "category": "经济发展",
        "department": "区商务局", "duty": "assist",
        "keywords": ["菜市场", "早市", "摊位", "缺斤短两"], "hours_per_year": 120,
        "description": "区商务局负责农贸市场和早市规范管理，街道配合维护周边秩序。",
    },
    {
        "code": "JJ-009", "name": "社区便民商业网点布局", "category": "经济发展",
        "department": "区商务局", "duty": "assist",
        "keywords": ["便利店", "买菜难", "早点铺", "修鞋配钥匙"], "hours_per_year": 60,
        "description": "区商务局统筹便民商业网点布局，街道配合收集居民需求、协调场地。",
    },
    {
        "code": "JJ-010", "name": "协税护税和综合治税", "category": "经济发展",
        "department": "区税务局", "duty": "returned",
        "keywords": ["发票", "报税", "纳税"], "hours_per_year": 90,
        "effective_from": "2026-01-01",
        "description": "税源管理由区税务局依托数据系统负责，街道不再承担协税任务。",
    },
    {
        "code": "JJ-011", "name": "街道招商引资指标考核", "category": "经济发展",
        "department": "区商务局", "duty": "cancelled",
        "keywords": ["招商", "指标", "考核"], "hours_per_year": 200,
        "effective_from": "2026-01-01",
        "description": "街道不再承担招商引资考核指标，工作重心回到服务企业和居民。",
    },
    {
        "code": "JJ-012", "name": "户外广告和牌匾标识设置管理", "category": "经济发展",
        "department": "区城管委", "duty": "returned",
        "keywords": ["广告牌", "牌匾", "招牌", "门头", "大屏"], "hours_per_year": 60,
        "effective_from": "2026-03-01",
        "description": "户外广告和牌匾设置许可及安全监管由区城管委负责，街道不再出具初审意见。",
    },
    {
        "code": "JJ-013", "name": "快递末端网点和快递柜管理", "category": "经济发展",
        "department": "区商务局", "duty": "assist",
        "keywords": ["快递", "快递站", "快递柜", "丢件"], "hours_per_year": 60,
        "description": "区商务局会同邮政管理部门规范快递末端网点，街道配合协调点位。",
    },
    {
        "code": "JJ-014", "name": "夜间经济和特色商业街区管理", "category": "经济发展",
        "department": "街道经济发展办公室", "duty": "own",
        "keywords": ["夜市", "商业街", "外摆", "夜经济"], "hours_per_year": 150,
        "description": "规范夜市和商业街区经营时间、外摆范围，兼顾居民休息和商户经营。",
    },
    # ── 村社区建设 ──────────────────────────────────────────────
    {
        "code": "SQ-001", "name": "社区居委会换届选举", "category": "村社区建设",
        "department": "街道社区建设办公室", "duty": "own",
        "keywords": ["居委会选举", "选民登记", "换届", "投票"], "hours_per_year": 150,
        "description": "组织社区居委会依法换届，做好选民登记、候选人提名和投票组织。",
    },
    {
        "code": "SQ-002", "name": "居民议事协商", "category": "村社区建设",
        "department": "社区居委会", "duty": "own",
        "keywords": ["议事会", "协商", "开会商量", "楼门议事"], "hours_per_year": 300,
        "description": "组织居民议事会和楼门协商，议定小区公共事务并公示结果。",
    },
    {
        "code": "SQ-003", "name": "社区依法出具证明", "category": "村社区建设",
        "department": "社区居委会", "duty": "own",
        "keywords": ["开证明", "盖章", "居住证明", "证明"], "hours_per_year": 200,
        "description": "按保留的证明事项清单出具居住等证明，清单外事项告知替代办理方式。",
    },
    {
        "code": "SQ-004", "name": "社区工作者招聘", "category": "村社区建设",
        "department": "区民政局", "duty": "returned",
        "keywords": ["社工", "社区工作者", "招聘", "考试"], "hours_per_year": 120,
        "effective_from": "2026-01-01",
        "description": "社区工作者由区民政局统一组织招聘考试，街道不再单独组织。",
    },
    {
        "code": "SQ-005", "name": "社区社会组织培育", "category": "村社区建设",
        "department": "街道社区建设办公室", "duty": "own",
        "keywords": ["兴趣小组", "合唱团", "社会组织", "备案"], "hours_per_year": 100,
        "description": "培育和备案社区社会组织，为居民兴趣团队提供场地和指导。",
    },
    {
        "code": "SQ-006", "name": "志愿者和楼门院长队伍建设", "category": "村社区建设",
        "department": "社区居委会", "duty": "own",
        "keywords": ["志愿者", "楼门长", "报名", "义工"], "hours_per_year": 150,
        "description": "招募注册志愿者，推选楼门院长，记录志愿服务时长。",
    },
    {
        "code": "SQ-007", "name": "社区用房和活动场所管理", "category": "村社区建设",
        "department": "社区居委会", "duty": "own",
        "keywords": ["活动室", "社区用房", "场地", "开放时间"], "hours_per_year": 120,
        "description": "管理社区用房和居民活动场所，公示开放时间并保障居民使用。",
    },
    {
        "code": "SQ-008", "name": "社区文化体育活动组织", "category": "村社区建设",
        "department": "社区居委会", "duty": "own",
        "keywords": ["活动", "文艺演出", "书法班", "比赛", "联欢"], "hours_per_year": 200,
        "description": "组织节日联欢、才艺比赛和兴趣课堂等社区文体活动。",
    },
    {
        "code": "SQ-009", "name": "社区公共空间微更新", "category": "村社区建设",
        "department": "街道社区建设办公室", "duty": "own",
        "keywords": ["小花园", "微更新", "休息座椅", "凉亭", "晾衣架"], "hours_per_year": 100,
        "description": "通过居民议事确定方案，改造小区闲置角落和公共空间。",
    },
    {
        "code": "SQ-010", "name": "居民公约和文明实践", "category": "村社区建设",
        "department": "街道社区建设办公室", "duty": "own",
        "keywords": ["文明", "居民公约", "宣传栏"], "hours_per_year": 80,
        "description": "组织居民议定居民公约，开展文明实践和宣传栏更新。",
    },
    {
        "code": "SQ-012", "name": "社区各类创建挂牌", "category": "村社区建设",
        "department": "区民政局", "duty": "cancelled",
        "keywords": ["挂牌", "牌子", "创建"], "hours_per_year": 90,
        "effective_from": "2025-12-15",
        "description": "挂牌过多过滥且对应检查考核繁重，清理规范后取消，只保留必要标识。",
    },
    {
        "code": "SQ-013", "name": "非法定证明事项出具", "category": "村社区建设",
        "department": "区民政局", "duty": "cancelled",
        "keywords": ["亲属关系证明", "健在证明", "无犯罪证明", "证明"], "hours_per_year": 150,
        "effective_from": "2026-01-01",
        "description": "无法律法规依据，取消后由相关部门通过数据共享或告知承诺核验。",
    },
    {
        "code": "SQ-014", "name": "政务服务事项代办", "category": "村社区建设",
        "department": "区政务服务局", "duty": "assist",
        "keywords": ["代办", "跑腿", "网上办", "不会用手机"], "hours_per_year": 200,
        "description": "区政务服务局统筹帮办代办服务，社区代办员为老人等群体上门代办。",
    },
    {
        "code": "SQ-015", "name": "社区工作事项准入审核", "category": "村社区建设",
        "department": "街道社区建设办公室", "duty": "own",
        "keywords": ["摊派", "准入", "社区负担"], "hours_per_year": 40,
        "description": "对部门拟交由社区承担的工作进行准入审核，清单外事项不得下派。",
    },
    {
        "code": "SQ-016", "name": "社区报表台账填报", "category": "村社区建设",
        "department": "区民政局", "duty": "cancelled",
        "keywords": ["报表", "台账", "填表", "拍照留痕"], "hours_per_year": 300,
        "effective_from": "2026-01-01",
        "description": "多头重复填报，经清理取消，数据由部门系统共享获取。",
    },
    # ── 综合治理 ──────────────────────────────────────────────
    {
        "code": "ZZ-001", "name": "矛盾纠纷排查调解", "category": "综合治理",
        "department": "街道平安建设办公室", "duty": "own",
        "keywords": ["吵架", "邻居", "纠纷", "调解", "闹矛盾"], "hours_per_year": 600,
        "description": "排查化解邻里、物业等矛盾纠纷，组织调解员面对面调解。",
    },
    {
        "code": "ZZ-002", "name": "人民调解组织建设", "category": "综合治理",
        "department": "区司法局", "duty": "assist",
        "keywords": ["人民调解", "调解员", "赡养", "家庭纠纷"], "hours_per_year": 200,
        "description": "区司法局指导人民调解委员会工作，街道调委会具体调处家庭和婚姻纠纷。",
    },
    {
        "code": "ZZ-003", "name": "公共法律服务和法律援助", "category": "综合治理",
        "department": "区司法局", "duty": "assist",
        "keywords": ["法律咨询", "律师", "打官司", "法律援助"], "hours_per_year": 100,
        "description": "区司法局负责法律援助审批，社区法律顾问配合提供咨询。",
    },
    {
        "code": "ZZ-004", "name": "信访接待和积案化解", "category": "综合治理",
        "department": "街道平安建设办公室", "duty": "own",
        "keywords": ["上访", "信访", "反映问题", "来访"], "hours_per_year": 400,
        "description": "接待群众来信来访，落实领导接待日，推动信访积案化解。",
    },
    {
        "code": "ZZ-005", "name": "12345热线诉求接办", "category": "综合治理",
        "department": "街道接诉即办中心", "duty": "own",
        "keywords": ["12345", "热线", "工单", "打电话反映"], "hours_per_year": 1500,
        "description": "接收、派发和督办12345热线及各渠道诉求，组织回访和考核整改。",
    },
    {
        "code": "ZZ-006", "name": "群防群治和治安巡逻", "category": "综合治理",
        "department": "街道平安建设办公室", "duty": "own",
        "keywords": ["巡逻", "治安", "不安全", "陌生人"], "hours_per_year": 300,
        "description": "组织平安志愿者巡逻，加强小区门岗管理和技防设施建设。",
    },
    {
        "code": "ZZ-007", "name": "盗窃等治安案件协查", "category": "综合治理",
        "department": "槐安派出所", "duty": "assist",
        "keywords": ["被偷", "小偷", "报警", "撬锁", "丢东西"], "hours_per_year": 100,
        "description": "派出所负责案件侦办，社区配合调取线索、加强防范宣传。",
    },
    {
        "code": "ZZ-008", "name": "养犬登记和不文明养犬查处", "category": "综合治理",
        "department": "区公安分局", "duty": "returned",
        "keywords": ["狗", "遛狗不拴绳", "大型犬", "狗咬人", "狗叫"], "hours_per_year": 150,
        "effective_from": "2026-01-01",
        "description": "养犬登记和违规养犬查处依法由公安机关负责，街道不再承担执法任务。",
    },
    {
        "code": "ZZ-009", "name": "文明养犬宣传和犬粪清理劝导", "category": "综合治理",
        "department": "社区居委会", "duty": "own",
        "keywords": ["狗屎", "狗粪", "文明养犬", "宠物"], "hours_per_year": 100,
        "description": "开展文明养犬宣传，设置拾便袋投放点，组织志愿者劝导。",
    },
    {
        "code": "ZZ-010", "name": "流浪猫社区治理", "category": "综合治理",
        "department": "社区居委会", "duty": "own",
        "keywords": ["流浪猫", "野猫", "投喂", "猫叫"], "hours_per_year": 60,
        "description": "联合志愿者和动物保护组织开展流浪猫救助绝育，规范投喂点。",
    },
    {
        "code": "ZZ-011", "name": "流浪犬收容", "category": "综合治理",
        "department": "区公安分局", "duty": "returned",
        "keywords": ["流浪狗", "野狗", "狗群", "追人"], "hours_per_year": 40,
        "effective_from": "2026-03-01",
        "description": "流浪犬捕捉收容由公安机关及收容机构负责，街道不再自行组织捕捉。",
    },
    {
        "code": "ZZ-012", "name": "广场舞等社会生活噪声劝导", "category": "综合治理",
        "department": "社区居委会", "duty": "own",
        "keywords": ["广场舞", "音响", "吵", "跳舞", "噪音"], "hours_per_year": 200,
        "description": "协调广场舞等群众文体活动的场地、时段和音量，化解噪声矛盾。",
    },
    {
        "code": "ZZ-013", "name": "商业经营噪声查处", "category": "综合治理",
        "department": "区城管执法局", "duty": "assist",
        "keywords": ["KTV", "酒吧", "喇叭叫卖", "音乐声", "商铺噪音"], "hours_per_year": 150,
        "description": "区城管执法局负责商业噪声执法，街道配合劝导和夜间巡查。",
    },
    {
        "code": "ZZ-014", "name": "餐饮油烟污染查处", "category": "综合治理",
        "department": "区生态环境局", "duty": "returned",
        "keywords": ["油烟", "烧烤", "排烟", "呛", "净化器"], "hours_per_year": 180,
        "effective_from": "2026-03-01",
        "description": "油烟检测和执法收回区生态环境局，街道不再承担检测与处罚。",
    },
    {
        "code": "ZZ-015", "name": "露天烧烤和占道经营整治", "category": "综合治理",
        "department": "街道综合行政执法队", "duty": "own",
        "keywords": ["占道", "摆摊", "露天烧烤", "流动摊贩"], "hours_per_year": 500,
        "description": "查处占道经营、露天烧烤和流动摊贩，引导入市经营。",
    },
    {
        "code": "ZZ-016", "name": "道路违法停车查处", "category": "综合治理",
        "department": "区公安交通支队", "duty": "returned",
        "keywords": ["乱停车", "违停", "堵路", "贴条"], "hours_per_year": 200,
        "effective_from": "2026-01-01",
        "description": "由交管部门依法查处，街道不再组织人员劝离和张贴告知单。",
    },
    {
        "code": "ZZ-017", "name": "小区停车秩序劝导", "category": "综合治理",
        "department": "街道城市管理办公室", "duty": "merged", "merged_into": "CJ-033",
        "keywords": ["小区乱停车", "挪车", "僵尸车"], "hours_per_year": 120,
        "effective_from": "2026-01-01",
        "description": "并入老旧小区停车管理事项统一办理。",
    },
    {
        "code": "ZZ-018", "name": "共享单车乱停放治理", "category": "综合治理",
        "department": "区交通委", "duty": "assist",
        "keywords": ["共享单车", "单车", "乱停", "堵门口"], "hours_per_year": 200,
        "description": "区交通委督促运营企业调运和规范停放，街道配合施划停放区。",
    },
    {
        "code": "ZZ-019", "name": "消防安全隐患排查", "category": "综合治理",
        "department": "街道平安建设办公室", "duty": "own",
        "keywords": ["消防", "灭火器", "安全隐患", "消火栓"], "hours_per_year": 400,
        "description": "组织居民楼和沿街商户消防安全检查，督促整改隐患。",
    },
    {
        "code": "ZZ-020", "name": "消防通道占用治理", "category": "综合治理",
        "department": "区消防救援支队", "duty": "assist",
        "keywords": ["消防通道", "堵", "救护车进不来", "占道"], "hours_per_year": 200,
        "description": "消防救援机构依法查处占用消防通道行为，街道配合清理和标识施划。",
    },
    {
        "code": "ZZ-021", "name": "电动自行车入户和飞线充电治理", "category": "综合治理",
        "department": "街道平安建设办公室", "duty": "own",
        "keywords": ["飞线充电", "电动车上楼", "楼道充电", "拉线", "电瓶"], "hours_per_year": 300,
        "description": "清理楼道停放充电和飞线充电，引导居民到集中充电设施充电。",
    },
    {
        "code": "ZZ-022", "name": "楼道堆物清理", "category": "综合治理",
        "department": "社区居委会", "duty": "own",
        "keywords": ["楼道堆物", "杂物", "纸箱", "占楼道"], "hours_per_year": 200,
        "description": "组织清理楼道堆放杂物，保持疏散通道畅通。",
    },
    {
        "code": "ZZ-023", "name": "高空抛物防范", "category": "综合治理",
        "department": "槐安派出所", "duty": "assist",
        "keywords": ["高空抛物", "扔东西", "楼上扔"], "hours_per_year": 50,
        "description": "公安机关依法调查高空抛物，社区配合宣传并协调安装监控。",
    },
    {
        "code": "ZZ-024", "name": "群租房整治", "category": "综合治理",
        "department": "区房管局", "duty": "assist",
        "keywords": ["群租", "隔断", "上下铺", "住好多人"], "hours_per_year": 250,
        "description": "区房管局依法查处群租，街道配合入户核查和清退安置。",
    },
    {
        "code": "ZZ-025", "name": "出租房屋和流动人口登记", "category": "综合治理",
        "department": "槐安派出所", "duty": "returned",
        "keywords": ["租户", "登记", "出租房", "居住登记", "居住证"], "hours_per_year": 300,
        "effective_from": "2026-01-01",
        "description": "由公安派出所通过系统办理登记，街道不再组织入户采集。",
    },
    {
        "code": "ZZ-026", "name": "小微企业和九小场所安全检查", "category": "综合治理",
        "department": "区应急管理局", "duty": "assist",
        "keywords": ["小作坊", "安全检查", "九小场所", "仓库", "液化气罐"], "hours_per_year": 400,
        "description": "区应急管理局制定检查计划，街道配合对九小场所开展巡查。",
    },
    {
        "code": "ZZ-027", "name": "防汛应急和汛期巡查", "category": "综合治理",
        "department": "街道平安建设办公室", "duty": "own",
        "keywords": ["暴雨", "防汛", "沙袋", "淹水", "倒灌"], "hours_per_year": 200,
        "description": "汛期值守巡查，预置抽水设备和沙袋，转移危旧房屋居民。",
    },
    {
        "code": "ZZ-028", "name": "应急避难场所和应急物资", "category": "综合治理",
        "department": "区应急管理局", "duty": "assist",
        "keywords": ["避难场所", "地震", "应急物资", "应急包"], "hours_per_year": 40,
        "description": "区应急管理局规划建设避难场所，街道配合日常维护和宣传。",
    },
    {
        "code": "ZZ-029", "name": "反诈骗宣传", "category": "综合治理",
        "department": "槐安派出所", "duty": "assist",
        "keywords": ["诈骗", "骗子", "被骗", "保健品", "反诈"], "hours_per_year": 150,
        "description": "公安机关负责涉诈案件处置，社区配合入户宣传和劝阻。",
    },
    {
        "code": "ZZ-030", "name": "严重精神障碍患者服务管理", "category": "综合治理",
        "department": "区卫健委", "duty": "assist",
        "keywords": ["精神病", "发病", "打人", "砸东西"], "hours_per_year": 100,
        "description": "区卫健委负责救治管理，社区配合落实监护和关爱帮扶。",
    },
    {
        "code": "ZZ-031", "name": "社区矫正对象监管", "category": "综合治理",
        "department": "区司法局", "duty": "returned",
        "keywords": ["社区矫正", "缓刑", "报到"], "hours_per_year": 80,
        "effective_from": "2026-01-01",
        "description": "社区矫正属司法行政职责，由区司法局及司法所负责，街道不再参与日常监管。",
    },
    {
        "code": "ZZ-032", "name": "烟花爆竹禁放管控", "category": "综合治理",
        "department": "区公安分局", "duty": "returned",
        "keywords": ["放鞭炮", "烟花", "禁放", "炮仗"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "禁放执法和非法销售查处由公安机关负责，街道不再组织节日通宵值守。",
    },
    {
        "code": "ZZ-033", "name": "校园周边秩序和安全", "category": "综合治理",
        "department": "区教委", "duty": "assist",
        "keywords": ["校门口", "接送", "学校门口", "护学岗"], "hours_per_year": 60,
        "description": "区教委会同公安交管维护校园周边秩序，社区配合组织护学志愿者。",
    },
    {
        "code": "ZZ-034", "name": "交通设施和信号灯设置", "category": "综合治理",
        "department": "区公安交通支队", "duty": "returned",
        "keywords": ["红绿灯", "斑马线", "减速带", "交通标志"], "hours_per_year": 60,
        "effective_from": "2026-03-01",
        "description": "交通信号和标志标线由交管部门直接受理，街道不再汇总上报设置需求。",
    },
    {
        "code": "ZZ-035", "name": "门前三包和市容秩序执法", "category": "综合治理",
        "department": "街道综合行政执法队", "duty": "own",
        "keywords": ["门前三包", "店外经营", "乱堆", "占道"], "hours_per_year": 300,
        "description": "督促沿街商户落实门前三包，查处店外经营和乱堆乱放。",
    },
    {
        "code": "ZZ-036", "name": "非法小广告清理", "category": "综合治理",
        "department": "街道城市管理办公室", "duty": "own",
        "keywords": ["小广告", "贴广告", "牛皮癣", "喷涂"], "hours_per_year": 200,
        "description": "组织清理楼道和街面小广告，对广告电话提请停机处理。",
    },
    {
        "code": "ZZ-037", "name": "网格巡查和问题上报", "category": "综合治理",
        "department": "社区居委会", "duty": "own",
        "keywords": ["网格员", "巡查", "上报", "没人来看"], "hours_per_year": 800,
        "description": "网格员日常走访巡查，发现问题及时上报并跟踪办理结果。",
    },
    {
        "code": "ZZ-038", "name": "家庭暴力预防和处置", "category": "综合治理",
        "department": "槐安派出所", "duty": "assist",
        "keywords": ["家暴", "打老婆", "打孩子", "动手"], "hours_per_year": 50,
        "description": "公安机关依法处置家庭暴力，社区和妇联配合跟进关爱和庇护。",
    },
    {
        "code": "ZZ-039", "name": "建筑垃圾乱倒查处", "category": "综合治理",
        "department": "区城管执法局", "duty": "returned",
        "keywords": ["渣土", "乱倒", "建筑垃圾", "渣土车"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "渣土运输和违法倾倒查处由区城管执法局负责，街道不再夜间蹲守。",
    },
    {
        "code": "ZZ-040", "name": "露天焚烧查处", "category": "综合治理",
        "department": "区城管执法局", "duty": "returned",
        "keywords": ["烧垃圾", "焚烧", "烧纸", "冒黑烟"], "hours_per_year": 50,
        "effective_from": "2026-04-01",
        "description": "露天焚烧执法收回区城管执法局，街道只做劝阻和线索移送。",
    },
    {
        "code": "ZZ-041", "name": "违规饲养家禽和信鸽扰民劝导", "category": "综合治理",
        "department": "社区居委会", "duty": "own",
        "keywords": ["鸽子", "养鸡", "鸽粪", "鸡叫"], "hours_per_year": 30,
        "description": "劝导居民楼内违规饲养家禽和信鸽扰民行为，调解相邻矛盾。",
    },
    {
        "code": "ZZ-042", "name": "防范非法集资宣传", "category": "综合治理",
        "department": "区公安分局", "duty": "assist",
        "keywords": ["集资", "高息理财", "返利", "养老项目"], "hours_per_year": 40,
        "description": "公安机关依法打击非法集资，社区配合宣传和受损群众登记。",
    },
    {
        "code": "ZZ-043", "name": "安全生产行政处罚", "category": "综合治理",
        "department": "区应急管理局", "duty": "returned",
        "keywords": ["安全生产", "罚款", "隐患整改"], "hours_per_year": 100,
        "effective_from": "2026-04-01",
        "description": "街道不具备执法资格，安全生产行政处罚收回区应急管理局。",
    },
    {
        "code": "ZZ-044", "name": "禁毒和社区戒毒康复", "category": "综合治理",
        "department": "区公安分局", "duty": "returned",
        "keywords": ["吸毒", "禁毒", "针头", "戒毒"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "涉毒线索核查和社区戒毒监管由公安机关负责，街道只做宣传。",
    },
    {
        "code": "ZZ-045", "name": "无证行医查处", "category": "综合治理",
        "department": "区卫健委", "duty": "returned",
        "keywords": ["黑诊所", "无证行医", "游医", "小诊所"], "hours_per_year": 40,
        "effective_from": "2026-03-01",
        "description": "医疗执业监督由区卫健委卫生监督机构负责，街道不再参与联合检查。",
    },
    {
        "code": "ZZ-046", "name": "机动车维修喷漆和异味污染查处", "category": "综合治理",
        "department": "区生态环境局", "duty": "returned",
        "keywords": ["喷漆", "油漆味", "汽修", "刺鼻", "异味"], "hours_per_year": 60,
        "effective_from": "2026-04-01",
        "description": "挥发性有机物排放监管属生态环境执法，收回区生态环境局。",
    },
    {
        "code": "ZZ-047", "name": "经营性停车场收费监管", "category": "综合治理",
        "department": "区交通委", "duty": "returned",
        "keywords": ["停车场", "停车收费", "收费太贵", "乱收停车费"], "hours_per_year": 60,
        "effective_from": "2026-03-01",
        "description": "停车场备案和收费监管由区交通委负责，街道不再参与日常检查。",
    },
    # ── 公共服务 ──────────────────────────────────────────────
    {
        "code": "FW-001", "name": "最低生活保障申请受理", "category": "公共服务",
        "department": "街道民生保障办公室", "duty": "own",
        "keywords": ["低保", "困难", "救助", "申请低保", "吃低保"], "hours_per_year": 400,
        "description": "受理低保申请，入户调查家庭情况，组织民主评议并公示。",
    },
    {
        "code": "FW-002", "name": "低保家庭经济状况核对", "category": "公共服务",
        "department": "区民政局", "duty": "returned",
        "keywords": ["收入核对", "存款", "名下车辆", "核对"], "hours_per_year": 150,
        "effective_from": "2026-01-01",
        "description": "家庭经济状况核对由区民政局核对中心通过数据比对完成，街道不再逐项调查。",
    },
    {
        "code": "FW-003", "name": "临时救助和特困供养", "category": "公共服务",
        "department": "街道民生保障办公室", "duty": "own",
        "keywords": ["临时救助", "看病没钱", "突发困难", "特困"], "hours_per_year": 200,
        "description": "对遭遇突发困难的家庭实施急难救助，办理特困人员供养。",
    },
    {
        "code": "FW-004", "name": "高龄津贴和老年人补贴", "category": "公共服务",
        "department": "街道民生保障办公室", "duty": "own",
        "keywords": ["高龄补贴", "津贴", "老人补贴", "八十岁"], "hours_per_year": 250,
        "description": "受理高龄津贴申请，核查发放异常并补发。",
    },
    {
        "code": "FW-005", "name": "老年助餐服务", "category": "公共服务",
        "department": "街道民生保障办公室", "duty": "own",
        "keywords": ["老年餐桌", "吃饭", "助餐", "社区食堂", "送餐"], "hours_per_year": 350,
        "description": "布设老年助餐点，监督助餐服务商菜品质量和价格，组织送餐上门。",
    },
    {
        "code": "FW-006", "name": "养老服务驿站运营监管", "category": "公共服务",
        "department": "区民政局", "duty": "assist",
        "keywords": ["养老驿站", "日间照料", "助浴", "托老"], "hours_per_year": 150,
        "description": "区民政局负责驿站运营补贴和考核，街道配合日常监督和需求对接。",
    },
    {
        "code": "FW-007", "name": "独居困境老人巡视探访", "category": "公共服务",
        "department": "社区居委会", "duty": "own",
        "keywords": ["独居老人", "空巢", "探访", "没人管", "联系不上"], "hours_per_year": 300,
        "description": "建立独居、空巢老人名单，定期上门或电话探访，发现异常及时处置。",
    },
    {
        "code": "FW-008", "name": "老年人能力评估和护理补贴", "category": "公共服务",
        "department": "区民政局", "duty": "returned",
        "keywords": ["失能", "护理补贴", "能力评估", "卧床"], "hours_per_year": 80,
        "effective_from": "2026-03-01",
        "description": "能力评估由区民政局委托专业机构实施，街道不再收转材料和陪同评估。",
    },
    {
        "code": "FW-009", "name": "残疾人证办理和两项补贴", "category": "公共服务",
        "department": "区残联", "duty": "assist",
        "keywords": ["残疾证", "残疾人补贴", "评残", "护理补贴"], "hours_per_year": 150,
        "description": "区残联负责评残发证和补贴审核，街道残联专职委员配合受理和走访。",
    },
    {
        "code": "FW-010", "name": "残疾人辅具适配", "category": "公共服务",
        "department": "区残联", "duty": "returned",
        "keywords": ["轮椅", "助听器", "辅具", "拐杖"], "hours_per_year": 40,
        "effective_from": "2026-01-01",
        "description": "辅具适配改由区残联线上受理、配送到家，街道不再收转申请。",
    },
    {
        "code": "FW-011", "name": "残疾人托养服务补贴受理", "category": "公共服务",
        "department": "区残联", "duty": "merged", "merged_into": "FW-009",
        "keywords": ["托养", "残疾人照护", "日间托养", "没人照顾"], "hours_per_year": 40,
        "effective_from": "2026-01-01",
        "description": "与残疾人两项补贴受理渠道合并，一次申请一并审核。",
    },
    {
        "code": "FW-012", "name": "城乡居民养老保险参保", "category": "公共服务",
        "department": "街道民生保障办公室", "duty": "own",
        "keywords": ["居民养老保险", "参保", "交养老保险", "缴费档次"], "hours_per_year": 200,
        "description": "办理城乡居民养老保险参保登记和缴费咨询。",
    },
    {
        "code": "FW-013", "name": "职工养老保险和退休待遇", "category": "公共服务",
        "department": "区人社局", "duty": "returned",
        "keywords": ["退休金", "养老金", "退休手续", "社保", "补缴"], "hours_per_year": 150,
        "effective_from": "2026-01-01",
        "description": "退休审批和待遇核定由区人社局直接办理，街道不再代收退休材料。",
    },
    {
        "code": "FW-014", "name": "养老金领取资格集中认证", "category": "公共服务",
        "department": "区人社局", "duty": "cancelled",
        "keywords": ["认证", "刷脸", "生存认证", "年审"], "hours_per_year": 120,
        "effective_from": "2026-01-01",
        "description": "改为大数据比对静默认证，取消街道社区组织的集中认证。",
    },
    {
        "code": "FW-015", "name": "城乡居民医保参保缴费", "category": "公共服务",
        "department": "区医保局", "duty": "assist",
        "keywords": ["医保", "缴费", "一老一小", "医保卡"], "hours_per_year": 250,
        "description": "区医保局负责参保政策和经办，社区配合宣传动员和协助线上缴费。",
    },
    {
        "code": "FW-016", "name": "医保报销和异地就医备案", "category": "公共服务",
        "department": "区医保局", "duty": "returned",
        "keywords": ["报销", "异地就医", "备案", "门诊报销"], "hours_per_year": 80,
        "effective_from": "2026-01-01",
        "description": "报销和备案全程网办，由区医保局经办，街道不再代收票据。",
    },
    {
        "code": "FW-017", "name": "医疗救助", "category": "公共服务",
        "department": "区医保局", "duty": "returned",
        "keywords": ["大病", "医疗救助", "住院费", "看不起病"], "hours_per_year": 50,
        "effective_from": "2026-03-01",
        "description": "医疗救助由区医保局依据结算数据直接审核，街道不再受理纸质申请。",
    },
    {
        "code": "FW-018", "name": "就业失业登记和就业服务", "category": "公共服务",
        "department": "街道民生保障办公室", "duty": "own",
        "keywords": ["找工作", "失业", "失业金", "就业", "招聘会"], "hours_per_year": 200,
        "description": "办理就业失业登记，推荐岗位，组织社区招聘会。",
    },
    {
        "code": "FW-019", "name": "就业困难人员帮扶和公益性岗位", "category": "公共服务",
        "department": "区人社局", "duty": "assist",
        "keywords": ["公益岗", "就业困难", "技能培训", "零就业"], "hours_per_year": 100,
        "description": "区人社局负责认定和岗位开发，街道配合摸排对象和推荐上岗。",
    },
    {
        "code": "FW-020", "name": "劳动保障监察和欠薪处理", "category": "公共服务",
        "department": "区人社局", "duty": "returned",
        "keywords": ["欠薪", "拖欠工资", "工钱", "不给钱", "讨薪"], "hours_per_year": 200,
        "effective_from": "2026-01-01",
        "description": "欠薪查处属劳动保障监察执法，收回区人社局，街道只做线索移送。",
    },
    {
        "code": "FW-021", "name": "劳动争议调解", "category": "公共服务",
        "department": "区人社局", "duty": "assist",
        "keywords": ["辞退", "赔偿", "劳动仲裁", "加班费", "劳动合同"], "hours_per_year": 100,
        "description": "区人社局指导劳动争议调解和仲裁，街道调解组织配合调处。",
    },
    {
        "code": "FW-022", "name": "义务教育入学和学位", "category": "公共服务",
        "department": "区教委", "duty": "returned",
        "keywords": ["上学", "学位", "入学", "划片", "转学"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "入学资格审核和学位安排由区教委负责，街道不再出具入学相关证明。",
    },
    {
        "code": "FW-023", "name": "学前教育和托育服务", "category": "公共服务",
        "department": "区教委", "duty": "assist",
        "keywords": ["幼儿园", "托儿所", "入园难", "托育"], "hours_per_year": 40,
        "description": "区教委统筹普惠性学位，社区配合提供托育点位和需求摸排。",
    },
    {
        "code": "FW-024", "name": "预防接种服务", "category": "公共服务",
        "department": "区卫健委", "duty": "returned",
        "keywords": ["疫苗", "打疫苗", "接种", "狂犬疫苗", "预约"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "预防接种由区卫健委所属接种门诊负责，街道不再组织动员和统计。",
    },
    {
        "code": "FW-025", "name": "家庭医生签约服务", "category": "公共服务",
        "department": "区卫健委", "duty": "assist",
        "keywords": ["家庭医生", "签约", "上门看病", "开药", "慢病"], "hours_per_year": 100,
        "description": "区卫健委组织家庭医生团队签约服务，社区配合宣传和预约上门。",
    },
    {
        "code": "FW-026", "name": "计划生育特殊家庭扶助", "category": "公共服务",
        "department": "区卫健委", "duty": "returned",
        "keywords": ["失独", "独生子女", "扶助金", "独生子女费"], "hours_per_year": 60,
        "effective_from": "2026-03-01",
        "description": "扶助金审核发放由区卫健委直接办理，社区保留关爱探访。",
    },
    {
        "code": "FW-027", "name": "生育登记和育儿补贴", "category": "公共服务",
        "department": "区卫健委", "duty": "returned",
        "keywords": ["生孩子", "生育登记", "育儿补贴", "准生证"], "hours_per_year": 60,
        "effective_from": "2026-03-01",
        "description": "生育登记和育儿补贴全程网办，由区卫健委审核，街道不再初审。",
    },
    {
        "code": "FW-028", "name": "退役军人服务保障", "category": "公共服务",
        "department": "街道退役军人服务站", "duty": "own",
        "keywords": ["退伍", "退役军人", "光荣牌", "优待证"], "hours_per_year": 120,
        "description": "为退役军人建档、悬挂光荣牌、代办优待证并走访困难老兵。",
    },
    {
        "code": "FW-029", "name": "优抚对象抚恤补助", "category": "公共服务",
        "department": "区退役军人事务局", "duty": "assist",
        "keywords": ["抚恤金", "伤残军人", "优抚", "烈属"], "hours_per_year": 60,
        "description": "区退役军人事务局核定发放抚恤补助，街道服务站配合审核和走访。",
    },
    {
        "code": "FW-030", "name": "全民健身设施维护", "category": "公共服务",
        "department": "区体育局", "duty": "assist",
        "keywords": ["健身器材", "健身器坏了", "篮球场", "乒乓球台"], "hours_per_year": 150,
        "description": "区体育局负责健身器材配建和维修，社区配合巡查上报。",
    },
    {
        "code": "FW-031", "name": "公共文化服务和社区图书室", "category": "公共服务",
        "department": "区文旅局", "duty": "assist",
        "keywords": ["图书室", "看书", "文化活动", "露天电影"], "hours_per_year": 80,
        "description": "区文旅局配送图书和文化活动，社区配合管理图书室。",
    },
    {
        "code": "FW-032", "name": "社区卫生服务质量", "category": "公共服务",
        "department": "区卫健委", "duty": "returned",
        "keywords": ["看病", "医生态度", "社区医院", "缺药"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "社区卫生服务机构由区卫健委直接管理和考核，街道不再参与评议。",
    },
    {
        "code": "FW-033", "name": "公交线路和站点优化", "category": "公共服务",
        "department": "区交通委", "duty": "assist",
        "keywords": ["公交", "坐车不方便", "公交站", "班次少"], "hours_per_year": 50,
        "description": "区交通委研究线路站点调整，街道配合收集居民出行需求。",
    },
    {
        "code": "FW-034", "name": "殡葬服务和治丧秩序", "category": "公共服务",
        "department": "区民政局", "duty": "assist",
        "keywords": ["丧事", "殡葬", "搭灵棚", "办白事"], "hours_per_year": 40,
        "description": "区民政局负责殡葬管理和惠民政策，社区配合引导文明治丧。",
    },
    {
        "code": "FW-035", "name": "困境儿童和留守儿童关爱", "category": "公共服务",
        "department": "区民政局", "duty": "assist",
        "keywords": ["孤儿", "困境儿童", "留守儿童", "没人照顾"], "hours_per_year": 40,
        "description": "区民政局负责困境儿童保障认定，社区儿童主任配合走访帮扶。",
    },
    {
        "code": "FW-036", "name": "慈善捐赠和社区慈善超市", "category": "公共服务",
        "department": "街道民生保障办公室", "duty": "own",
        "keywords": ["捐衣服", "慈善", "捐赠", "慈善超市"], "hours_per_year": 50,
        "description": "接收社会捐赠物资，运营社区慈善超市帮扶困难家庭。",
    },
    {
        "code": "FW-037", "name": "老年人优待和老年卡办理", "category": "公共服务",
        "department": "区民政局", "duty": "returned",
        "keywords": ["老年卡", "优待卡", "免费坐公交", "养老助残卡"], "hours_per_year": 60,
        "effective_from": "2026-01-01",
        "description": "老年卡改为线上申办、邮寄到家，由区民政局负责，街道不再代收材料。",
    },
    {
        "code": "FW-038", "name": "居家适老化改造", "category": "公共服务",
        "department": "区民政局", "duty": "assist",
        "keywords": ["适老化", "扶手", "防滑", "家里改造"], "hours_per_year": 80,
        "description": "区民政局组织居家适老化改造和补贴，社区配合摸排需求和验收。",
    },
    {
        "code": "FW-039", "name": "病媒生物防制", "category": "公共服务",
        "department": "区卫健委", "duty": "assist",
        "keywords": ["老鼠", "蟑螂", "蚊子", "灭鼠", "消杀"], "hours_per_year": 100,
        "description": "区卫健委指导灭鼠灭蚊蝇蟑，街道配合组织集中消杀。",
    },
    {
        "code": "FW-040", "name": "就业创业补贴申请", "category": "公共服务",
        "department": "区人社局", "duty": "returned",
        "keywords": ["创业补贴", "社保补贴", "灵活就业补贴"], "hours_per_year": 60,
        "effective_from": "2026-04-01",
        "description": "补贴申请改为线上直接向区人社局提交，街道不再初审。",
    },
    {
        "code": "FW-041", "name": "网吧和娱乐场所经营监管", "category": "公共服务",
        "department": "区文旅局", "duty": "returned",
        "keywords": ["网吧", "未成年人上网", "游戏厅", "通宵"], "hours_per_year": 40,
        "effective_from": "2026-03-01",
        "description": "文化市场执法由区文旅局负责，街道不再参与日常检查。",
    },
    {
        "code": "FW-042", "name": "校外培训机构监管", "category": "公共服务",
        "department": "区教委", "duty": "returned",
        "keywords": ["培训班", "补课", "退学费", "培训机构"], "hours_per_year": 40,
        "effective_from": "2026-03-01",
        "description": "校外培训机构审批和监管由区教委负责，街道不再组织排查。",
    },
    {
        "code": "FW-043", "name": "公共场所控烟", "category": "公共服务",
        "department": "区卫健委", "duty": "returned",
        "keywords": ["抽烟", "吸烟", "控烟", "二手烟"], "hours_per_year": 30,
        "effective_from": "2026-04-01",
        "description": "控烟执法由区卫健委卫生监督机构负责，街道不再组织控烟检查。",
    },
    # ── 综合保障 ──────────────────────────────────────────────
    {
        "code": "BZ-001", "name": "街道机关财务和资产管理", "category": "综合保障",
        "department": "街道综合保障办公室", "duty": "own",
        "keywords": ["财务", "资产", "报销"], "hours_per_year": 200,
        "description": "负责街道机关财务核算、资产登记和内部审计配合。",
    },
    {
        "code": "BZ-002", "name": "政府信息公开", "category": "综合保障",
        "department": "街道党政综合办公室", "duty": "own",
        "keywords": ["信息公开", "公开", "查文件", "公示"], "hours_per_year": 60,
        "description": "受理政府信息公开申请，维护街道主动公开栏目。",
    },
    {
        "code": "BZ-003", "name": "人大代表建议和政协提案办理", "category": "综合保障",
        "department": "街道党政综合办公室", "duty": "own",
        "keywords": ["人大代表", "政协提案", "代表建议"], "hours_per_year": 100,
        "description": "办理涉及街道的代表建议和政协提案，组织代表接待居民。",
    },
    {
        "code": "BZ-004", "name": "档案管理", "category": "综合保障",
        "department": "街道综合保障办公室", "duty": "own",
        "keywords": ["档案", "查档案", "老档案"], "hours_per_year": 50,
        "description": "管理街道文书和历史档案，提供查档服务。",
    },
    {
        "code": "BZ-005", "name": "机关安全保卫和后勤保障", "category": "综合保障",
        "department": "街道综合保障办公室", "duty": "own",
        "keywords": ["后勤", "机关食堂", "公务用车"], "hours_per_year": 100,
        "description": "负责机关安全保卫、车辆和后勤服务。",
    },
    {
        "code": "BZ-006", "name": "政务服务中心窗口服务", "category": "综合保障",
        "department": "街道政务服务中心", "duty": "own",
        "keywords": ["办事大厅", "窗口", "排队", "上班时间", "跑好几趟"], "hours_per_year": 400,
        "description": "管理街道政务服务中心窗口，落实一次性告知和延时服务。",
    },
    {
        "code": "BZ-007", "name": "网格化管理平台和小程序运维", "category": "综合保障",
        "department": "街道接诉即办中心", "duty": "own",
        "keywords": ["小程序", "码上办", "平台", "系统"], "hours_per_year": 100,
        "description": "维护网格化管理平台和居民诉求小程序，处理使用故障。",
    },
    {
        "code": "BZ-008", "name": "工作人员作风和服务态度投诉", "category": "综合保障",
        "department": "街道纪工委", "duty": "own",
        "keywords": ["态度差", "推诿", "不作为", "工作人员"], "hours_per_year": 60,
        "description": "受理对街道和社区工作人员作风、态度的投诉并核查处理。",
    },
    {
        "code": "BZ-009", "name": "征兵和民兵工作", "category": "综合保障",
        "department": "区人武部", "duty": "assist",
        "keywords": ["征兵", "参军", "当兵", "民兵"], "hours_per_year": 80,
        "description": "区人武部组织征兵和民兵整组，街道武装部配合宣传和报名。",
    },
    {
        "code": "BZ-010", "name": "街道预算执行和政府采购", "category": "综合保障",
        "department": "街道综合保障办公室", "duty": "own",
        "keywords": ["预算", "采购", "招标"], "hours_per_year": 80,
        "description": "编制和执行街道部门预算，组织政府采购。",
    },
    {
        "code": "BZ-011", "name": "部门专项统计数据采集", "category": "综合保障",
        "department": "区统计局", "duty": "returned",
        "keywords": ["统计报表", "数据采集", "填报"], "hours_per_year": 200,
        "effective_from": "2026-03-01",
        "description": "各部门专项统计由区统计局和业务部门自行采集，街道不再层层汇总报送。",
    },
    {
        "code": "BZ-012", "name": "保密和网络安全", "category": "综合保障",
        "department": "街道党政综合办公室", "duty": "own",
        "keywords": ["保密", "网络安全", "信息泄露"], "hours_per_year": 30,
        "description": "落实机关保密管理和网络安全防护。",
    },
]

SCENARIOS: list[Scenario] = [
    # ── 基层党建 ──────────────────────────────────────────────
    {
        "item": "DJ-002", "kind": "consultation", "urgency": "normal",
        "titles": ["小公司员工入党咨询", "入党申请书交给谁", "五十多岁还能入党吗"],
        "texts": [
            "我在一家小公司上班，公司里没有党组织，想写入党申请书不知道交给谁，能交到社区吗？",
            "孩子在外地读完研究生回来了，在学校已经是入党积极分子，回来以后培养考察怎么接上？",
            "我都五十多了，一直有入党的心愿，不知道现在这个年纪还能不能申请，要走哪些程序。",
        ],
        "resolutions": [
            "已告知非公企业员工入党申请渠道，申请书由街道非公企业党委接收。",
            "已与学校党组织联系，积极分子培养材料转接至社区党委继续考察。",
        ],
    },
    {
        "item": "DJ-003", "kind": "consultation", "urgency": "normal",
        "titles": ["退休党员组织关系咋转", "咨询党组织关系转回社区", "退休后党费交到哪里"],
        "texts": [
            "我今年刚从厂里退休，单位说党组织关系要转到居住地社区，不知道要带什么材料，去哪儿办？",
            "我爸是老党员，单位改制以后党费一直没人收，他心里着急，想问问能不能把组织关系转到咱们社区来。",
            "咨询一下，我在外地打工三年了，流动党员的组织关系还挂在老家，现在长住{road}这边，能转过来吗",
        ],
        "resolutions": [
            "已告知所需材料和办理流程，指导居民在党员管理系统提交转接申请，社区党委已接收。",
            "党群工作办公室与原单位党组织联系，完成组织关系转接，党费已按月收缴。",
        ],
    },
    {
        "item": "DJ-004", "kind": "suggestion", "urgency": "normal",
        "titles": ["建议在职党员认领楼门", "报到党员没安排活干", "党员想组队帮老人买菜"],
        "texts": [
            "我在区里单位上班，按要求回社区报到了，可半年也没安排过什么事，能不能给我们派点实在的活儿？",
            "建议让回社区报到的在职党员每人包一个楼门，周末帮忙清清楼道、看看独居老人，比光签个到强。",
            "我们{building}住着好几个在职党员，想组个小队给老人代买菜、修个小电器，不知道找谁登记。",
        ],
        "resolutions": [
            "已将居民建议纳入在职党员服务项目清单，{building}的党员认领了楼门清扫和老人探访岗位。",
            "社区党委召开报到党员座谈会，按特长分组，每月公布服务安排。",
        ],
    },
    {
        "item": "DJ-005", "kind": "suggestion", "urgency": "normal",
        "titles": ["党群服务中心周末不开门", "活动室开放时间太短", "想借党群中心场地排练"],
        "texts": [
            "党群服务中心一到周末就锁门，我们上班的人平时根本去不了，周末想去看看书都进不去。",
            "我们合唱队想每周二下午借用活动室排练两个小时，问了好几次都说要登记审批，到底找谁批？",
            "中心里那个阅览室的书都是好几年前的了，空调也坏了{days}，夏天根本坐不住人，希望改善一下。",
        ],
        "resolutions": [
            "已调整党群服务中心开放时间，周六上午增加开放，并在门口公示。",
            "已为合唱队登记固定使用时段，阅览室空调已报修更换。",
        ],
    },
    {
        "item": "DJ-007", "kind": "suggestion", "urgency": "normal",
        "titles": ["物业和居委会互相推", "建议社区党委管管物业", "希望建三方商量机制"],
        "texts": [
            "我们小区物业和居委会老是各说各的，有事两头推，建议社区党委牵头把物业、业委会叫到一起开个会。",
            "物业公司里面也有党员，能不能让他们挂个牌子亮亮身份，有事我们也知道该找谁。",
            "小区问题一大堆，物业说要业委会同意，业委会说要社区批，能不能建个三方一起商量的机制",
        ],
        "resolutions": [
            "社区党委牵头建立物业、业委会、居委会三方联席会议，每月召开一次并公示议定事项。",
            "物业服务企业党员已设立服务岗并公示联系方式。",
        ],
    },
    {
        "item": "DJ-013", "kind": "report", "urgency": "complex",
        "titles": ["反映社区干部优亲厚友", "举报低保评审不公", "社区工作人员办事要好处"],
        "texts": [
            "我们楼有一户家里有两辆车还吃着低保，听说跟居委会某个干部是亲戚，这事到底有没有人管？",
            "去社区开证明，工作人员暗示要买两条烟才给快点办，太不像话了，我实名举报。",
            "低保评议会根本没通知我们居民代表参加，名单就这么公示了，里面有的人条件明显不符合。",
        ],
        "resolutions": [
            "已转街道纪工委核查，对相关低保户重新开展经济状况核对，结果已向反映人反馈。",
            "纪工委约谈相关工作人员，核实情况后依规处理，并在社区公开评议程序。",
        ],
    },
    {
        "item": "DJ-014", "kind": "legislative_opinion", "urgency": "normal",
        "titles": ["对物业管理条例修订的建议", "建议立法明确加梯表决规则", "立法征询：业委会任期"],
        "texts": [
            "关于物业管理条例征求意见稿，我建议把物业公共收益的公示写细一点，每一笔都要贴在单元门口，让业主看得明白。",
            "加装电梯最难的是一楼不同意，建议法律里明确表决比例和对低层住户的补偿办法，别让好事被一票否决。",
            "我是退休教师，看了草案第二十几条，觉得业委会的任期和罢免程序写得太笼统，基层很难操作，建议细化。",
        ],
        "resolutions": [
            "意见已整理汇总，通过基层立法联系点原汁原味报送立法机关。",
            "已将居民建议录入立法意见征集台账，并向提出人反馈报送情况。",
        ],
    },
    {
        "item": "DJ-014", "kind": "legislative_opinion", "urgency": "normal",
        "titles": ["噪声污染防治立法建议", "建议法律管管广场舞音响", "养犬管理规定修订意见"],
        "texts": [
            "建议对广场舞音响规定具体的分贝和时间段，现在只说不得干扰他人，居委会去劝也没有依据。",
            "关于养犬管理规定，建议把大型犬的标准写清楚，遛狗必须拴绳，违反的可以直接罚款。",
            "我提个意见：夜间施工的许可应该提前在小区门口公示，写明工期和投诉电话，居民也好监督。",
        ],
        "resolutions": [
            "已组织座谈会听取居民意见，汇总后报送立法机关。",
            "居民意见已纳入本次立法征询报告，报送情况已电话告知提出人。",
        ],
    },
    {
        "item": "DJ-014", "kind": "legislative_opinion", "urgency": "normal",
        "titles": ["老年人权益保障立法意见", "建议立法规范电动车充电", "未成年人保护立法建议"],
        "texts": [
            "老人办事越来越离不开手机，建议法律规定公共服务必须保留线下窗口和现金支付，不能把老人挡在门外。",
            "电动车进楼充电这事，建议立法明确物业和业主各自的责任，新建小区必须配建充电车棚。",
            "小区附近网吧、游戏厅对未成年人管得不严，建议法律把经营者的责任和处罚写得更重一些。",
        ],
        "resolutions": [
            "意见已汇总整理，经基层立法联系点报送，并向居民反馈采纳情况。",
            "已将建议录入征询台账，邀请提出人参加下次立法座谈会。",
        ],
    },
    {
        "item": "DJ-015", "kind": "help", "urgency": "normal",
        "titles": ["老党员住院盼组织看看", "困难老党员生活有难处", "反映老党员无人走访"],
        "texts": [
            "我父亲入党六十多年了，这两个月一直住院，他老念叨组织，问问社区能不能派人来看看他。",
            "{building}的王大爷是老党员，老伴去世后一个人过，腿脚不便，{days}没下过楼了，希望党组织关心一下。",
            "老党员家里生活困难，去年冬天还有人来慰问，今年到现在一直没人来过，是不是把我们忘了",
        ],
        "resolutions": [
            "社区党委书记带队上门慰问，送去慰问金并了解生活需求。",
            "已将该老党员纳入困难党员帮扶名单，定期走访。",
        ],
    },
    {
        "item": "DJ-016", "kind": "consultation", "urgency": "normal",
        "titles": ["咨询光荣在党50年纪念章", "入党满五十年没拿到章", "纪念章能不能补发"],
        "texts": [
            "我母亲1975年入党，今年正好满五十年，听说能发纪念章，但社区一直没通知，想问问怎么申请。",
            "老爷子组织关系刚转回社区，入党已经五十二年了，之前单位没给发过纪念章，现在还能补吗？",
            "楼里好几个老党员都拿到纪念章了，我们家老人也是七三年入的党，怎么没有他的？",
        ],
        "resolutions": [
            "经核对党员档案，已将老人列入本年度颁发名单，社区上门颁发。",
            "已向居民说明颁发条件和时间安排，所需材料已代为收集报送。",
        ],
    },
    {
        "item": "DJ-017", "kind": "consultation", "urgency": "normal",
        "titles": ["小饭馆员工想入工会", "困难职工帮扶咨询", "工会会员卡激活不了"],
        "texts": [
            "我在一家小饭馆打工，老板说店里没有工会，我想问问我们这种小店的员工能不能加入工会。",
            "家里孩子上大学，爱人下岗，听说工会有困难职工帮扶，需要开什么证明？",
            "发了个工会会员卡，说能在超市打折，我弄了{days}也没激活成功，谁能帮帮忙。",
        ],
        "resolutions": [
            "已指导其通过街道工会联合会入会，会员卡已激活。",
            "已将帮扶申请材料转区总工会，符合条件已纳入帮扶。",
        ],
    },
    {
        "item": "DJ-018", "kind": "consultation", "urgency": "normal",
        "titles": ["暑假孩子没人看有活动吗", "社区寒假青少年活动", "大学生想回社区做志愿者"],
        "texts": [
            "双职工家庭，暑假孩子一个人在家天天玩手机，社区有没有托管或者活动能让孩子参加？",
            "我是大二学生，放寒假回来想在社区做点志愿服务，能开社会实践证明吗？",
            "去年暑假社区办的小课堂孩子特别喜欢，今年还办吗？什么时候报名",
        ],
        "resolutions": [
            "已告知暑期小课堂报名方式，孩子已报名参加。",
            "已为大学生安排社区志愿岗位并出具社会实践证明。",
        ],
    },
    {
        "item": "DJ-019", "kind": "help", "urgency": "normal",
        "titles": ["单亲妈妈求助", "想参加妇联技能培训", "咨询妇女两癌筛查"],
        "texts": [
            "我一个人带孩子，离婚后前夫不给抚养费，工作也不稳定，不知道妇联能不能帮帮我们娘俩。",
            "听说妇联有免费的家政和育婴师培训，我想报名学一门手艺，在哪里报？",
            "社区以前组织过妇女免费两癌筛查，今年还有吗，我们几个老姐妹都想去",
        ],
        "resolutions": [
            "已联系区妇联为其提供法律咨询，协助申请困难单亲母亲帮扶。",
            "已登记报名信息，区妇联培训开班后电话通知。",
        ],
    },
    # ── 城乡建设 ──────────────────────────────────────────────
    {
        "item": "CJ-001", "kind": "suggestion", "urgency": "complex",
        "titles": [
            "{building}想加装电梯", "老楼加装电梯申请", "建议{building}{unit}加电梯", "六层老楼盼加装电梯",
        ],
        "texts": [
            "我们{building}是八十年代的老楼，六层没电梯，楼里一半以上都是七八十岁的老人，大家都愿意出钱加装，不知道找谁牵头。",
            "我妈今年82了，住五楼，膝盖不好，{days}都没下过楼了，每次看病都得邻居帮忙背下来，求求给加个电梯吧。",
            "加装电梯的事说了好几年了，{unit}已经征集了签名，十二户有十一户同意，下一步该怎么办？",
            "老楼加装电梯能不能社区统一组织啊，设计、报批这些事我们自己弄不明白",
        ],
        "resolutions": [
            "社区组织{building}{unit}居民召开协商会，意愿征集完成，已对接设计单位进场勘察。",
            "街道城市管理办公室指导居民推选代表，协助完成加装电梯意见征询和公示。",
            "已将该楼列入本年度加装电梯意向清单，由社区专人跟进协调。",
        ],
    },
    {
        "item": "CJ-001", "kind": "complaint", "urgency": "complex",
        "titles": ["加装电梯一楼不同意", "加梯被低层住户阻拦", "电梯施工被堵停工"],
        "texts": [
            "{building}加电梯都走到施工那一步了，一楼的邻居说挡光影响他家，天天堵着不让干，已经停工{days}了。",
            "楼上老人盼电梯盼了好几年，就卡在二楼一户不签字，社区能不能出面调解一下，大家都是老邻居。",
            "我家住一楼，加电梯挡窗户、噪音大，还一分补偿没有，凭什么少数服从多数？我要求社区给个说法！",
        ],
        "resolutions": [
            "社区邀请律师和规划专家组织高低层住户协商，调整电梯井位置并约定补偿，施工已恢复。",
            "经多次入户沟通，低层住户同意加装，双方签订协议。",
        ],
    },
    {
        "item": "CJ-002", "kind": "consultation", "urgency": "normal",
        "titles": ["加装电梯补贴怎么申请", "加梯补贴迟迟没到账", "电梯审批材料交哪里"],
        "texts": [
            "我们楼电梯去年就装好用上了，说好的政府补贴到现在也没下来，问了几次都说在审，到底卡在哪儿？",
            "想问一下加装一部电梯政府能补多少钱，剩下的按楼层怎么分摊，有没有文件可以看？",
            "加装电梯的审批要跑规划、住建好几个部门，材料是交到街道还是直接交到区里",
        ],
        "resolutions": [
            "已转区住建局办理，区住建局答复补贴审核进度并告知剩余材料清单。",
            "区住建局向居民说明补贴标准和申报渠道，补贴已拨付。",
        ],
    },
    {
        "item": "CJ-003", "kind": "complaint", "urgency": "complex",
        "titles": ["老旧小区改造进度慢", "外墙保温刚做就开裂", "改造施工封窗不通风", "小区啥时候能改造"],
        "texts": [
            "我们小区列入老旧小区改造快一年了，到现在就刷了个外墙，楼里的水管电线都没动，啥时候能改完？",
            "改造施工队把{building}的窗户封了{days}，屋里黑乎乎的，通风也不行，也没人告诉我们工期。",
            "新做的外墙保温才半年就开裂鼓包了，一下雨就往屋里渗，这质量谁来管？",
            "听说隔壁小区都改造完了，我们这个八十年代的老小区有没有排上",
        ],
        "resolutions": [
            "已协调区住建局和施工单位公示工期，{building}窗户封闭部分已提前拆除。",
            "施工单位对开裂保温层进行返修，区住建局组织质量复查。",
        ],
    },
    {
        "item": "CJ-004", "kind": "suggestion", "urgency": "normal",
        "titles": [
            "建议楼道放折叠椅", "爬楼累盼楼道有个座", "{building}楼道想装座椅", "楼梯间加扶手和歇脚椅",
        ],
        "texts": [
            "我们楼没电梯，老人爬到三楼就喘不上气，建议在楼道拐角放几把能折起来的椅子，不挡道，累了能坐一会儿。",
            "我妈八十多了住六楼，每次买菜回来要歇三回，楼道里连个扶手都没有，能不能给装个扶手、放个小凳子？",
            "楼道里能不能装那种壁挂式的折叠座椅，平时收起来不影响走人，老人腿软了可以翻下来坐。",
            "提个小建议：{building}{unit}二楼半和四楼半的平台比较宽，放把椅子正合适",
        ],
        "resolutions": [
            "社区为{building}各单元楼梯平台安装壁挂折叠座椅，不影响消防通行。",
            "已采购折叠椅和楼梯扶手，三天内安装到位，回访老人表示满意。",
        ],
    },
    {
        "item": "CJ-004", "kind": "help", "urgency": "normal",
        "titles": ["楼道折叠椅坏了", "楼梯扶手松动求修", "楼道座椅被人搬走"],
        "texts": [
            "{building}{unit}三楼的折叠椅合页坏了，翻下来就往一边歪，老人坐着危险，麻烦来修修。",
            "楼梯扶手晃得厉害，上次我扶着差点摔了，这个扶手是社区装的吧，谁来管？",
            "之前社区给放的椅子被人搬走了两把，现在老人又没地方歇脚了",
        ],
        "resolutions": [
            "已更换损坏的折叠椅并加固扶手。",
            "社区补放座椅并加装固定锁扣，楼门长协助日常看护。",
        ],
    },
    {
        "item": "CJ-005", "kind": "help", "urgency": "complex",
        "titles": ["小区没物业没人管", "弃管小区环境脏乱", "老楼门禁坏了没人修", "无物业小区归谁管"],
        "texts": [
            "我们这几栋楼是原来厂里的宿舍，厂子没了物业也撤了，楼门坏了、垃圾没人收，到底归谁管？",
            "没物业{days}了，楼道灯坏了没人修，下水堵了也没人通，居民自己凑钱也凑不齐。",
            "小区大门的门禁坏了一年多，谁都能进来，晚上总有外人进楼，挺吓人的。",
        ],
        "resolutions": [
            "街道将该片区纳入准物业管理，引入服务单位承担保洁、维修和门岗。",
            "社区组织居民议事会，确定准物业服务内容和收费标准。",
        ],
    },
    {
        "item": "CJ-006", "kind": "complaint", "urgency": "normal",
        "titles": ["物业收费不干活", "投诉物业服务差", "物业长期不扫楼道", "报修物业不理"],
        "texts": [
            "物业费一分没少交，楼道{days}没人扫，垃圾桶也不清，打物业电话永远没人接。",
            "家里下水堵了报修三次，物业每次都说马上来，结果到现在也没见人影，这物业费交得冤。",
            "小区绿地被物业改成停车位收费了，业主一点都不知道，收的钱去哪儿了？",
            "物業太不負責了，單元門壞了半個月沒人修，打電話也不接！！",
        ],
        "resolutions": [
            "社区约谈物业服务企业，限期整改楼道保洁和报修响应，已复查到位。",
            "组织业主代表与物业面对面协商，物业公示公共收益收支明细。",
        ],
    },
    {
        "item": "CJ-006", "kind": "complaint", "urgency": "normal",
        "titles": ["物业擅自涨物业费", "欠物业费被停门禁卡", "物业停电逼交费"],
        "texts": [
            "物业贴了个通知说下个月起物业费每平米涨五毛，也没开业主大会，这合法吗？",
            "我家因为漏水的事跟物业有纠纷，没交物业费，结果物业把我家门禁卡停了，进出都得保安开门。",
            "物业拿停水停电威胁欠费的业主，对门老人家里断了电，冰箱里的胰岛素都坏了",
        ],
        "resolutions": [
            "社区联合街道社区建设办公室调解，物业暂缓调价并承诺依规召开业主大会。",
            "物业已恢复门禁卡使用，双方就漏水赔偿达成调解协议。",
        ],
    },
    {
        "item": "CJ-007", "kind": "complaint", "urgency": "complex",
        "titles": ["要求更换物业公司", "举报物业乱收费", "物业撤场没人交接"],
        "texts": [
            "我们小区物业合同到期了，业主们都想换一家，新物业怎么选、老物业赖着不走怎么办？",
            "物业收停车费、电梯广告费好几年了，从来不公示，想举报他们乱收费。",
            "原来的物业公司说撤就撤了，钥匙、图纸都没交接，现在地下室的水泵也没人管",
        ],
        "resolutions": [
            "已转区房管局依法处理，区房管局答复将对物业收费问题开展检查。",
            "区房管局督促原物业完成交接，临时服务单位已进场。",
        ],
    },
    {
        "item": "CJ-008", "kind": "consultation", "urgency": "complex",
        "titles": ["想成立业主委员会", "业委会换届拖了两年", "业委会账目不公开"],
        "texts": [
            "小区交房十年了一直没有业委会，什么事都物业说了算，我们几个业主想牵头成立，该怎么走程序？",
            "业委会任期早过了，主任都搬走了也不换届，现在公章都不知道在谁手里。",
            "业委会收了公共收益也不公布账目，几个业主去问，他们说无可奉告",
        ],
        "resolutions": [
            "社区指导成立业主大会筹备组，已完成业主信息核对和公告。",
            "街道社区建设办公室督促业委会公开账目，组织换届选举。",
        ],
    },
    {
        "item": "CJ-009", "kind": "consultation", "urgency": "normal",
        "titles": ["维修资金动用太难", "大修基金余额怎么查", "电梯维修等维修资金"],
        "texts": [
            "我们楼屋顶要大修，想用住宅专项维修资金，要那么多业主签字，太难凑了，有没有简便的办法？",
            "交房时交的维修资金现在还剩多少，能查吗，到哪儿查？",
            "电梯坏了要换主板，物业说得动用维修资金，流程走了{days}了还没批下来。",
        ],
        "resolutions": [
            "已转区房管局，答复维修资金应急使用流程并协助查询余额。",
            "区房管局启动应急使用程序，电梯维修资金已划拨。",
        ],
    },
    {
        "item": "CJ-010", "kind": "help", "urgency": "urgent",
        "titles": ["顶楼漏雨严重", "{building}屋顶漏水", "下雨家里往下滴水", "顶层住户屋面渗漏"],
        "texts": [
            "我家住{building}顶楼，一下雨天花板就往下滴水，拿盆接都接不过来，墙皮都泡掉了，求尽快修！",
            "屋顶防水层早就坏了，年年修年年漏，去年修完又漏了，已经{days}了没人管。",
            "我是替我姥姥反映的，她一个人住顶层，屋里漏得床都挪了好几次，老人不会打电话，麻烦你们去看看。",
            "一下大雨屋頂就漏水，牆上全是黴斑，老人住著對身體不好",
        ],
        "resolutions": [
            "房管所对{building}屋面进行防水修补，雨后复查无渗漏。",
            "已将该楼纳入年度屋面翻修计划，先行做临时防水处理。",
        ],
    },
    {
        "item": "CJ-011", "kind": "complaint", "urgency": "normal",
        "titles": ["楼上漏水到我家", "{building}{unit}卫生间渗水", "楼上不配合查漏水", "厨房顶棚往下滴水"],
        "texts": [
            "楼上卫生间漏水{days}了，我家顶棚都泡黄了，找他家好几次，一直说没时间，就是不让进去看。",
            "楼上租户换了好几茬，房东在外地，漏水了联系不上人，水一直往下渗，我家电线都在那儿，怕出事。",
            "我家厨房顶上一直有水印，物业说是楼上的事，楼上说是公共管道的事，互相推，到底谁来管",
            "樓上漏水漏到我家來了，天花板都鼓包了，找了物業也不管",
        ],
        "resolutions": [
            "社区联系楼上房东到场，维修人员查明防水层破损并修复，双方就赔偿达成一致。",
            "物业查明为公共立管渗漏，已更换管段并修补楼下受损顶棚。",
        ],
    },
    {
        "item": "CJ-011", "kind": "help", "urgency": "urgent",
        "titles": ["楼道里跑水了", "{unit}四楼水管爆了", "家里没人水往外流"],
        "texts": [
            "{building}{unit}四楼家里没人，水管好像爆了，水顺着楼道往下流，赶紧找人来关阀门！",
            "楼道里的水表井漏水，水流到一楼门口都成河了，老人出门差点滑倒。",
            "我在外地出差，邻居打电话说我家往外冒水，能不能先帮忙把总阀关了，我马上找人回去",
        ],
        "resolutions": [
            "物业及时关闭总阀，更换破裂管道，楼下受损部分协调修补。",
            "社区联系户主授权后由维修人员入户关阀，险情已排除。",
        ],
    },
    {
        "item": "CJ-012", "kind": "help", "urgency": "urgent",
        "titles": ["{road}路边水管爆了", "小区突然停水", "停水没有提前通知", "马路上往外冒水"],
        "texts": [
            "{road}{place}那块地底下往外冒水，水都漫到马路上了，估计是水管爆了，赶紧来人！",
            "早上起来就没水了，也没看到停水通知，一家老小没法做饭，什么时候能来水？",
            "我们楼已经停水三天了，说是管道维修，可每天都说明天来，老人洗澡上厕所都成问题。",
            "停水也不提前说一声，好歹贴张纸条啊，至少让我们接点水",
        ],
        "resolutions": [
            "已通知自来水公司抢修，破损管道已更换，当日恢复供水。",
            "自来水公司设置临时供水点并为老人送水上门，管网修复后恢复供水。",
        ],
    },
    {
        "item": "CJ-012", "kind": "complaint", "urgency": "normal",
        "titles": ["高层水压太低", "楼上水龙头没劲", "{building}晚上没水"],
        "texts": [
            "我住六楼，一到晚上做饭的时候水就细得跟线一样，热水器都打不着火。",
            "每天晚饭前后水压就特别低，洗个澡得等到半夜，问物业说是自来水公司的事。",
            "加压泵好像坏了，高层的住户白天基本没水，已经{days}了",
        ],
        "resolutions": [
            "自来水公司检修二次加压泵，高层水压恢复正常。",
            "已协调调整加压设备运行时段，回访居民用水正常。",
        ],
    },
    {
        "item": "CJ-013", "kind": "complaint", "urgency": "urgent",
        "titles": ["自来水发黄有异味", "开水壶里全是渣", "楼顶水箱没盖子"],
        "texts": [
            "这两天自来水放出来是黄的，还有一股铁锈味，不敢喝也不敢给孩子洗澡。",
            "烧开水壶底全是白色的渣子，比以前多很多，是不是水质出问题了？",
            "楼顶那个水箱盖子都没有，鸟在上面拉屎，我们喝的就是这个水？",
        ],
        "resolutions": [
            "区水务局组织水质检测，对二次供水水箱清洗消毒并加装箱盖。",
            "检测结果符合标准，已对管网冲洗并向居民公示检测报告。",
        ],
    },
    {
        "item": "CJ-014", "kind": "complaint", "urgency": "urgent",
        "titles": ["家里暖气不热", "{building}室温太低", "家里暖气冰凉", "供暖不达标要求测温"],
        "texts": [
            "都供暖{days}了，我家暖气片摸着还是凉的，屋里才十四五度，老人穿着棉袄在家坐着。",
            "暖气上热下凉，热力公司来放过一次气，还是不行，家里有刚满月的孩子，冻得直哭。",
            "我们{building}整栋楼暖气都不热，别的楼挺好，是不是管道有问题，要求上门测室温！",
            "暧气一点都不热，屋里冻得睡不着觉，交了供暖费凭什么这样！！",
            "我爸妈都快九十了，住{unit}一楼，屋里冷得开电暖气都不管用，麻烦尽快派人来看看",
        ],
        "resolutions": [
            "热力公司上门测温并清洗管道，室温恢复至18度以上。",
            "已对{building}供热管网排查，更换故障阀门，回访住户室温达标。",
        ],
    },
    {
        "item": "CJ-014", "kind": "help", "urgency": "urgent",
        "titles": ["暖气管崩了往外喷水", "暖气片漏水泡了地板", "楼道暖气管道漏水结冰"],
        "texts": [
            "暖气片接口突然崩开了，热水哗哗往外喷，地板全泡了，阀门拧不动，快来人！",
            "楼道里的暖气主管漏水{days}了，地上都结冰了，老人走路容易滑倒。",
            "家里没人，楼下说我家往下漏热水，我在外地回不去，能不能先帮忙关一下总阀",
        ],
        "resolutions": [
            "热力公司抢修人员到场关阀更换接口，恢复供暖。",
            "已修复楼道暖气主管，清理地面结冰。",
        ],
    },
    {
        "item": "CJ-015", "kind": "complaint", "urgency": "normal",
        "titles": ["小区热水不热", "集中供热水断了", "洗澡水一直是凉的"],
        "texts": [
            "我们小区是集中供热水的，这{days}放出来的都是温吞水，洗澡根本不行，交的热水费白交了？",
            "只有晚上九点以后才有热水，别的时间都是凉的，家里老人孩子洗澡太不方便。",
            "热水管道在检修，也没说要修多久，天冷了，家里老人一周没洗澡了",
        ],
        "resolutions": [
            "热力公司检修换热站循环泵，生活热水恢复正常。",
            "已公示检修工期，检修期间协调社区浴室为老人提供免费洗浴。",
        ],
    },
    {
        "item": "CJ-016", "kind": "help", "urgency": "urgent",
        "titles": ["{building}突然停电", "楼里大面积停电", "停电没有提前通知", "电表箱冒火花老跳闸"],
        "texts": [
            "晚上八点多{building}突然全黑了，电梯也停了，有老人困在楼上下不来，什么时候来电？",
            "我们这片昨天停了一整天电，说是线路检修，可冰箱里的东西全坏了，也没提前通知。",
            "家里有做透析的病人，机器不能断电，停电一定要提前告诉我们啊！",
            "单元电表箱那块老是冒火花，一开空调就跳闸，太吓人了",
        ],
        "resolutions": [
            "供电公司抢修更换故障电缆，当晚恢复供电。",
            "供电公司检修单元表箱，更换老化线路，并为重点用电户建立停电提前告知机制。",
        ],
    },
    {
        "item": "CJ-017", "kind": "report", "urgency": "urgent",
        "titles": ["楼道里有煤气味", "{building}闻到燃气味", "燃气表接口漏气", "燃气充值后打不着火"],
        "texts": [
            "{building}{unit}楼道里一股很冲的煤气味，不知道哪家漏气了，我不敢开灯，你们快找燃气公司！",
            "家里燃气表附近老有味儿，用肥皂水试了一下好像在冒泡，我现在已经关了阀门。",
            "对门老太太家里燃气味很重，敲门没人应，我们很担心。",
            "燃气卡充了钱，表上显示不出来，灶打不着火好几天了，一直在外面买饭吃",
        ],
        "resolutions": [
            "燃气公司抢险人员十分钟内到场，排查为连接软管老化，已更换并检测无泄漏。",
            "燃气公司上门维修燃气表，恢复正常供气。",
        ],
    },
    {
        "item": "CJ-018", "kind": "consultation", "urgency": "normal",
        "titles": ["有人冒充燃气公司上门", "燃气安检逼买报警器", "燃气入户检查没人来"],
        "texts": [
            "今天有人敲门说是街道派来燃气安检的，非让我花三百买个报警器，这是真的吗？",
            "我家燃气软管都老化了，听说有免费入户安检，等了{days}也没人来，要怎么预约？",
            "安检的人说我家的燃气灶没有熄火保护，必须换，还只能在他们那儿买",
        ],
        "resolutions": [
            "已转区城管委，答复燃气企业入户安检不强制购买产品，并提示防范冒充人员。",
            "燃气公司已预约上门安检并更换老化软管。",
        ],
    },
    {
        "item": "CJ-019", "kind": "report", "urgency": "normal",
        "titles": ["{road}路面有大坑", "路面塌陷有危险", "人行道砖翘起来了", "马路坑洼积水"],
        "texts": [
            "{road}靠近{place}那儿有个大坑，晚上看不清，骑电动车的已经摔了好几个了。",
            "路面塌了一块，就用个破锥桶围着，都{days}了，也没见有人来修。",
            "人行道的砖翘起来好多块，我家老头推着轮椅根本过不去，差点翻了",
            "下了雨那个坑里全是水，看不出深浅，车一过溅人一身泥",
        ],
        "resolutions": [
            "已转区城管委，道路养护单位完成坑槽修补。",
            "区城管委对{road}破损人行道砖进行了更换。",
        ],
    },
    {
        "item": "CJ-020", "kind": "complaint", "urgency": "normal",
        "titles": ["胡同里脏乱差", "{road}小巷堆满杂物", "背街小巷墙面破旧"],
        "texts": [
            "{road}旁边那条小巷子，堆的全是破家具、烂纸箱，晚上还有人在那儿随地大小便，味道太难闻了。",
            "胡同里好几个地方私自堆放建材，{days}了没人清理，消防车根本进不来。",
            "建议把小巷子的墙面刷一刷，画点画，现在乱七八糟的，外地亲戚来了都不好意思",
        ],
        "resolutions": [
            "组织清理背街小巷堆物十余处，安排保洁每日巡查。",
            "已对小巷墙面进行粉刷，纳入背街小巷整治计划。",
        ],
    },
    {
        "item": "CJ-021", "kind": "report", "urgency": "normal",
        "titles": ["{road}路灯不亮", "路灯坏了好久没修", "一排路灯全黑了", "路灯白天亮晚上灭"],
        "texts": [
            "{road}从{place}往西一排路灯都不亮了，已经{days}了，晚上黑灯瞎火的，孩子放学回来我都得去接。",
            "路灯坏了，女儿下夜班回家那段路漆黑一片，真不放心。",
            "路口那盏路灯白天亮着，晚上反而灭了，这不是浪费电嘛",
            "路燈壞了好幾天了，晚上走路黑燈瞎火的看不見，老人都不敢出門",
        ],
        "resolutions": [
            "已转区城管委，路灯管理单位更换故障灯具，恢复正常照明。",
            "路灯维护单位调整光控时间，排除线路故障。",
        ],
    },
    {
        "item": "CJ-022", "kind": "help", "urgency": "normal",
        "titles": ["{building}楼道灯不亮", "楼道声控灯坏了", "楼道太黑老人摔了", "单元门口没有灯"],
        "texts": [
            "{building}{unit}从二楼到五楼楼道灯都不亮，晚上上楼全靠手机照，我妈昨天差点踩空。",
            "声控灯得使劲跺脚才亮,亮几秒就灭,老人还没走到一半就黑了...",
            "单元门口的灯坏了{days}了，晚上下班回来连钥匙孔都找不着",
        ],
        "resolutions": [
            "社区协调维修人员更换{building}楼道声控灯，延长亮灯时间。",
            "已为单元门口加装感应灯。",
        ],
    },
    {
        "item": "CJ-023", "kind": "report", "urgency": "urgent",
        "titles": ["{road}井盖丢了", "井盖破损有危险", "井盖一压就咣当响", "雨水篦子缺了一块"],
        "texts": [
            "{road}{place}那儿的井盖不见了，就剩个黑窟窿，有人插了根树枝当记号，晚上太危险了！",
            "小区门口的井盖车一压就咣当咣当响，{time}都能听见，睡不着觉。",
            "马路边的雨水篦子少了一块，小孩的脚都能卡进去，太危险了",
        ],
        "resolutions": [
            "已转区城管委，产权单位当日补装井盖。",
            "区城管委督促管线单位更换井座，异响消除。",
        ],
    },
    {
        "item": "CJ-024", "kind": "complaint", "urgency": "urgent",
        "titles": ["下水道堵了返水", "{building}污水井冒水", "化粪池满了臭味大", "一楼地漏往上返水"],
        "texts": [
            "{building}前面的污水井往外冒黑水，臭得不行，路过都得捂着鼻子，已经{days}了。",
            "一楼卫生间地漏往上返水，楼上一冲马桶我家就冒，屋里全是脏水，实在受不了了。",
            "化粪池好像满了，单元门口全是味儿，夏天招苍蝇蚊子，得赶紧掏",
        ],
        "resolutions": [
            "已协调区水务局对小区污水管道进行疏通，化粪池清掏完毕。",
            "排水单位对主管道疏通，一楼加装防返水装置。",
        ],
    },
    {
        "item": "CJ-025", "kind": "report", "urgency": "urgent",
        "titles": ["下穿桥积水过不去", "{place}一下雨就淹", "地下通道积水很深", "暴雨后路口积水"],
        "texts": [
            "每次下大雨，{road}那个下穿桥底下的水能没过半个车轮，上次有辆车熄火在里面了，太危险。",
            "{place}一下雨就积水，老人孩子过不去，只能绕很远的路。",
            "地下通道里水都到小腿了，排水泵好像没开，还有人往里走，赶紧设个警示吧！",
        ],
        "resolutions": [
            "区水务局启动排水泵抽排，设置警戒，积水已排除。",
            "已对该处雨水管道疏掏扩容，纳入汛期重点点位。",
        ],
    },
    {
        "item": "CJ-026", "kind": "report", "urgency": "normal",
        "titles": ["{building}楼顶私搭乱建", "一楼私自扩建院子", "举报违建阳光房", "有人连夜搭铁皮房"],
        "texts": [
            "{building}顶楼那户在楼顶搭了个彩钢房，还在里面养鸽子，我们楼下都担心楼板压塌了。",
            "一楼住户把楼前绿地圈起来建了个小院，还盖了间房出租，这都没人管吗？",
            "{road}那片有人晚上偷偷施工，搭了个两层的铁皮房，{days}就盖起来了",
            "举报邻居私建阳光房，挡住我家窗户采光，白天屋里都得开灯",
        ],
        "resolutions": [
            "街道综合行政执法队现场核查，责令当事人停止施工并限期自行拆除。",
            "已立案调查，违法建设已于限期内拆除完毕。",
        ],
    },
    {
        "item": "CJ-026", "kind": "consultation", "urgency": "normal",
        "titles": ["封阳台算不算违建", "院子里搭棚子要审批吗", "想在楼下搭自行车棚"],
        "texts": [
            "我想在一楼院子里搭个遮雨的棚子放杂物，不超过院墙，这个算违建吗？需要报批吗",
            "听说封阳台也要报备，我家窗户坏了想换成封闭的，会不会被拆？",
            "小区没有自行车棚，我们几户想凑钱搭一个，需要什么手续",
        ],
        "resolutions": [
            "已向居民解释违法建设认定标准，建议按规定办理。",
            "社区协调在规划允许位置统一建设车棚。",
        ],
    },
    {
        "item": "CJ-027", "kind": "complaint", "urgency": "complex",
        "titles": ["违建拆了又盖起来", "拆违垃圾一直没清", "多年违建要求拆除"],
        "texts": [
            "去年拆了的违建，今年又原地盖起来了，还比原来大，执法队来看过就没下文了。",
            "违建拆完的建筑垃圾就堆在路边，都{days}了，一刮风扬尘特别大。",
            "小区里有一排违建存在十几年了，占着消防通道，一直说要拆，到底什么时候拆？",
        ],
        "resolutions": [
            "区城管执法局会同街道组织强制拆除，现场已清理完毕。",
            "已将该处存量违建纳入年度拆除计划并公示时间。",
        ],
    },
    {
        "item": "CJ-028", "kind": "report", "urgency": "urgent",
        "titles": ["楼上装修砸承重墙", "邻居装修拆改结构", "装修把墙打穿了"],
        "texts": [
            "楼上新搬来的住户装修，把屋里的墙全砸了，我家墙上都震出裂缝了，他们是不是拆了承重墙？",
            "对门装修要把阳台和卧室之间的墙打通，那可是承重的，物业说管不了。",
            "楼上装修砸墙，整栋楼都跟着晃，{time}都不消停，大家都害怕",
        ],
        "resolutions": [
            "已转区住建局现场核查，责令停止拆改并恢复原状。",
            "区住建局委托鉴定机构进行房屋安全鉴定，督促当事人整改。",
        ],
    },
    {
        "item": "CJ-029", "kind": "help", "urgency": "normal",
        "titles": ["树枝伸进窗户了", "{road}行道树挡路灯", "大树歪了怕倒", "树枝压着电线"],
        "texts": [
            "窗前那棵杨树长得太高了，树枝都快伸进我家窗户里了，屋里一年到头见不着太阳。",
            "{road}的行道树把路灯都挡住了，晚上路面很暗，能不能修剪一下？",
            "前两天刮大风，{place}有棵大树歪了，根都翘起来了，随时可能倒，底下天天有人走。",
            "楼前的树枝压着电线，一刮风就噼里啪啦打火花，吓死人了",
        ],
        "resolutions": [
            "区园林绿化局安排养护单位修剪树枝，并清运枝杈。",
            "已对倾斜树木加固支撑，评估后进行移伐。",
        ],
    },
    {
        "item": "CJ-030", "kind": "suggestion", "urgency": "normal",
        "titles": ["小区杨絮太多", "小区大树招虫子", "楼前树挡光多年没剪"],
        "texts": [
            "一到春天小区里杨絮满天飞，我孙子过敏，咳得不行，能不能给树打个针？",
            "楼前那几棵槐树生了好多吊死鬼虫子，掉得满地都是，孩子都不敢在底下玩。",
            "小区的树十几年没修剪了，一楼二楼一年到头晒不着太阳，衣服都晾不干",
        ],
        "resolutions": [
            "协调园林养护单位对小区杨树注射抑制剂并喷药除虫。",
            "已组织修剪小区内遮光树木。",
        ],
    },
    {
        "item": "CJ-031", "kind": "report", "urgency": "normal",
        "titles": ["古树被钉钉子挂绳", "老槐树枯枝掉下来", "古树周边铺了水泥"],
        "texts": [
            "小区里那棵几百年的老槐树，有人在树干上钉钉子挂晾衣绳，这可是古树啊！",
            "古树上好多枯枝，前两天掉下来一根差点砸到人，希望有关部门看一看。",
            "{road}那棵老槐树周边铺了水泥，树根都透不了气，叶子一年比一年少",
        ],
        "resolutions": [
            "已转区园林绿化局，对古树进行复壮和枯枝清理。",
            "区园林绿化局拆除树干钉挂物并设置保护围栏。",
        ],
    },
    {
        "item": "CJ-032", "kind": "complaint", "urgency": "normal",
        "titles": ["绿地被人种了菜", "楼前开荒种菜浇大粪", "绿化带被圈占"],
        "texts": [
            "{building}前面的绿地被几户老人刨了种菜，还浇大粪，夏天臭气熏天，苍蝇乱飞。",
            "有人把小区的绿化带用竹竿围起来种葱种蒜，说了也不听。",
            "公共绿地上的草皮都被铲了，种上了丝瓜、豆角，还搭了架子",
        ],
        "resolutions": [
            "已转区园林绿化局，会同社区劝导清理菜地并补植绿化。",
            "区园林绿化局对圈占绿地行为进行查处，绿地已恢复。",
        ],
    },
    {
        "item": "CJ-033", "kind": "suggestion", "urgency": "complex",
        "titles": ["小区停车太难", "建议小区规划停车位", "外来车辆占小区车位", "{building}楼下停满车"],
        "texts": [
            "每天下班回来小区里一个车位都没有，只能停到外面马路上，还老被贴条，能不能把车位规划一下？",
            "外面的车随便进小区停，有的一停就是{days}，我们自己小区的人反而没地方停。",
            "{building}楼下被车挤得满满的，救护车都开不进来，上次楼里老人犯病，担架是抬出去的。",
            "建议小区门口装个道闸，业主车辆登记免费，外来车辆按时收费",
        ],
        "resolutions": [
            "街道城市管理办公室组织居民议事，重新施划停车位并安装道闸。",
            "已引入停车管理单位，实行业主车辆登记和错时停车。",
        ],
    },
    {
        "item": "ZZ-017", "kind": "help", "urgency": "urgent",
        "titles": ["车堵在单元门口", "我的车被人堵死了", "僵尸车占车位一年"],
        "texts": [
            "有辆车堵在{building}{unit}门口，轮椅都推不出来，车上也没留电话。",
            "小区里有辆落满灰的破车，停了快一年了，轮胎都瘪了，占着车位也没人管。",
            "我的车被人堵死了，早上要送孩子上学，挪车电话打了也没人接，急死了",
        ],
        "resolutions": [
            "社区联系车主挪车，并在单元门口设置禁停标识。",
            "已张贴清理通知，车主逾期未处理的长期停放车辆已协调拖移。",
        ],
    },
    {
        "item": "CJ-034", "kind": "help", "urgency": "normal",
        "titles": ["车位想装充电桩物业不让", "附近没有公共充电桩", "建议小区统一建充电桩"],
        "texts": [
            "买了新能源车，想在自己车位上装充电桩，物业说不同意，供电公司让我找物业开证明，来回踢皮球。",
            "这片小区这么多电车，{road}周边一个公共充电桩都没有，充个电要开出去三公里。",
            "能不能在小区停车场统一建几个充电桩，大家排队充，省得到处找",
        ],
        "resolutions": [
            "区城管委协调物业和供电公司，为居民办理私人充电桩报装。",
            "已将该区域纳入公共充电设施建设点位。",
        ],
    },
    {
        "item": "CJ-035", "kind": "suggestion", "urgency": "normal",
        "titles": ["小区没有电动车充电桩", "充电口太少抢不上", "建议建个充电车棚", "充电桩坏了扣钱不充电"],
        "texts": [
            "不让在楼道充电我们支持，可小区连个充电的地方都没有，电动车没电了怎么上班？",
            "小区就六个充电口，每天晚上抢不上，只能偷偷拉线，建议再多装一些。",
            "车棚里的充电桩坏了一半了，扫码付了钱也不通电，钱也不退",
        ],
        "resolutions": [
            "在小区北侧新建集中充电车棚，增设充电口40个。",
            "已联系运营商维修故障充电桩并退还费用。",
        ],
    },
    {
        "item": "CJ-036", "kind": "complaint", "urgency": "urgent",
        "titles": ["工地半夜施工扰民", "{road}工地夜里打桩", "施工噪音吵得睡不着", "工地扬尘太大"],
        "texts": [
            "{road}那个工地{time}还在干活，打桩机咣咣的，整个小区都睡不着，已经持续{days}了！",
            "我家孩子明年高考，工地天天晚上施工，孩子根本没法学习，这有夜间施工许可吗？",
            "工地的土堆也不盖网，一刮风全是灰，阳台上一层土，窗户都不敢开。",
            "半夜１２点还在卸钢筋，叮叮咣咣的，我已经打了三次电话了",
        ],
        "resolutions": [
            "已转区城管执法局，执法人员夜间现场检查，对无证夜间施工立案处罚。",
            "施工单位调整作业时间，对裸土进行苫盖并安装喷淋降尘。",
        ],
    },
    {
        "item": "CJ-037", "kind": "help", "urgency": "complex",
        "titles": ["外墙出现大裂缝", "阳台底下往下掉渣", "老楼是不是危房"],
        "texts": [
            "{building}外墙从上到下裂了一道大缝，手指头都能伸进去，住着心里直打鼓，是不是危房？",
            "我家阳台底下的水泥块一块块往下掉，楼下就是人走的道，砸着人可不得了。",
            "这楼是五十年代的老楼了，地基好像在下沉，门都关不严了，能不能来鉴定一下",
        ],
        "resolutions": [
            "区住建局委托鉴定机构完成房屋安全鉴定，对阳台进行加固。",
            "已设置警示围挡，列入危旧房屋排查治理台账。",
        ],
    },
    {
        "item": "CJ-038", "kind": "report", "urgency": "urgent",
        "titles": ["外墙瓷砖往下掉", "空调外机架子锈烂了", "楼上窗玻璃要掉下来"],
        "texts": [
            "{building}外墙的瓷砖最近老往下掉，昨天差点砸到楼下一个小孩，太吓人了。",
            "楼上空调外机的架子锈得都烂了，机器歪在那儿，刮风的时候晃悠，底下是单元出入口。",
            "五楼那户窗户玻璃裂了挂在窗框上，家里好像没人住，一刮风就响",
        ],
        "resolutions": [
            "已拉设警戒线，组织专业人员清除外墙松动瓷砖。",
            "联系业主更换锈蚀支架，消除坠落隐患。",
        ],
    },
    {
        "item": "CJ-039", "kind": "complaint", "urgency": "normal",
        "titles": ["老旧小区又来统计填表", "重复上门登记信息", "登记表填了好几遍"],
        "texts": [
            "这个月已经第三拨人来登记我们楼的情况了，问的都是一样的问题，到底谁要的数据？",
            "上门统计老旧小区情况的人让我们签字，也不说是干什么用的。",
            "居委会又让每户填一张房屋情况表，去年不是刚填过一遍吗？",
        ],
        "resolutions": [
            "已向居民说明老旧小区数据统计已取消，停止重复入户登记。",
            "街道核查后叫停重复统计，相关数据改由住建部门系统共享。",
        ],
    },
    {
        "item": "CJ-040", "kind": "consultation", "urgency": "complex",
        "titles": ["咨询拆迁补偿标准", "征收补偿款没到位", "平房腾退政策咨询"],
        "texts": [
            "听说我们这片平房要征收，补偿是按面积还是按户口，什么时候能出正式方案？",
            "签了征收协议都半年了，补偿款还差一部分没给，找谁问都说不清楚。",
            "我家在{road}有间平房，产权证上还是我爷爷的名字，征收的时候怎么算",
        ],
        "resolutions": [
            "已转区住建局征收部门，答复补偿政策和办理进度。",
            "区住建局核实后已将剩余补偿款拨付到位。",
        ],
    },
    {
        "item": "CJ-041", "kind": "report", "urgency": "normal",
        "titles": ["地下室住了好多人", "地下室隔成出租房", "人防工程被改成宿舍"],
        "texts": [
            "我们楼地下室被人隔成十几间小屋往外租，住了二三十号人，用电做饭都在底下，万一着火怎么跑？",
            "地下室常年有人住，下水道老堵，还经常半夜喝酒吵闹，楼上都能听见。",
            "{building}的地下室本来是人防工程，现在被人改成了仓库和宿舍，住了不少人",
        ],
        "resolutions": [
            "已转区住建局，清退地下室违规住人并恢复原使用功能。",
            "区住建局会同消防部门检查，责令产权单位整改。",
        ],
    },
    {
        "item": "CJ-042", "kind": "complaint", "urgency": "normal",
        "titles": ["楼外网线乱拉太危险", "小区手机信号差", "宽带一直装不上"],
        "texts": [
            "{building}外墙上挂满了各家的网线电话线，乱得跟蜘蛛网一样，有的都耷拉到二楼窗户了。",
            "我们小区地下室和一楼手机基本没信号，打个电话得跑到楼外面。",
            "想装光纤宽带，运营商说我们楼没有接入条件，等了{days}也没动静",
        ],
        "resolutions": [
            "通信运营商对楼外线缆进行梳理捆扎，拆除废弃线缆。",
            "运营商已增设室内分布设备，信号明显改善。",
        ],
    },
    {
        "item": "CJ-043", "kind": "suggestion", "urgency": "normal",
        "titles": ["人行道盲道被占用", "单元门口没有坡道", "无障碍坡道太陡"],
        "texts": [
            "{road}人行道上的盲道被共享单车和摊位占满了，我家盲人亲戚出门根本走不了。",
            "我爸坐轮椅，单元门口三级台阶上不去，每次出门得两个人抬，能不能修个坡道？",
            "新修的无障碍坡道太陡了，我推着老伴的轮椅上去差点翻过来",
        ],
        "resolutions": [
            "区住建局在单元出入口加装无障碍坡道和扶手。",
            "已清理盲道占用并对坡道坡度进行整改。",
        ],
    },
    {
        "item": "CJ-044", "kind": "complaint", "urgency": "normal",
        "titles": ["胡同公厕太脏了", "{place}公厕没水", "胡同公厕晚上锁门"],
        "texts": [
            "{place}那个公共厕所脏得下不去脚，水龙头坏了{days}，味道飘出去老远。",
            "胡同里的公厕晚上十点就锁门了，我们平房没有卫生间，半夜只能憋着。",
            "公厕里的灯不亮，蹲坑也堵了，老人晚上摸黑进去很危险。",
        ],
        "resolutions": [
            "已转区城管委，环卫部门对公厕进行维修保洁。",
            "区城管委调整胡同公厕为24小时开放。",
        ],
    },
    {
        "item": "CJ-045", "kind": "suggestion", "urgency": "normal",
        "titles": ["垃圾桶站离得太远", "分类后混装清运", "桶站在窗户底下太臭", "垃圾分类不会分"],
        "texts": [
            "小区里就一个垃圾桶站，在最东边，我们{building}的人扔个垃圾得走好几百米，老人不方便。",
            "说是搞垃圾分类，可清运车来了全倒一个车里，那我们分了还有什么意义？",
            "垃圾桶站就在我家窗户底下，夏天臭得开不了窗，能不能挪一挪",
            "我是新搬来的，不太懂厨余和其他垃圾怎么分，社区能不能发个说明",
        ],
        "resolutions": [
            "街道城市管理办公室调整桶站点位，在{building}附近增设分类桶站。",
            "已与清运单位核实，落实分类清运，并组织分类宣传入户。",
        ],
    },
    {
        "item": "CJ-046", "kind": "complaint", "urgency": "urgent",
        "titles": ["垃圾桶满了没人清", "{place}垃圾堆成山", "垃圾站臭味熏人", "垃圾清运不及时"],
        "texts": [
            "{place}的垃圾桶满得往外溢，地上全是垃圾袋，野猫翻得到处都是，已经{days}没人来收了。",
            "垃圾站的臭味太大了，夏天{time}都能闻到，我们楼的人都不敢开窗。",
            "过年这几天垃圾车就没来过，楼下堆成小山了，能不能加一趟车",
            "垃极桶旁边污水横流，苍蝇嗡嗡的，住一楼的根本不敢开窗",
        ],
        "resolutions": [
            "已协调清运单位当天清运，增加清运频次至每日两次。",
            "对垃圾站进行冲洗消杀，加装除臭设备。",
        ],
    },
    {
        "item": "CJ-046", "kind": "suggestion", "urgency": "normal",
        "titles": ["垃圾桶不够用", "建议垃圾桶加盖子", "垃圾桶破了漏汤"],
        "texts": [
            "{building}楼下就两个垃圾桶，一到晚上就塞满了，后面的人只能往地上放，建议多放几个。",
            "垃圾桶没盖子，下雨天泡得稀烂，流浪猫狗天天来翻，能不能换成带盖的？",
            "那几个垃圾桶底都破了，汤汤水水漏一地，走过去一股馊味",
        ],
        "resolutions": [
            "已增配带盖垃圾桶，更换破损桶体。",
            "街道城市管理办公室调整收运时间，晚间增加一次清运。",
        ],
    },
    {
        "item": "CJ-047", "kind": "help", "urgency": "normal",
        "titles": ["装修垃圾堆在楼下", "旧沙发扔哪儿", "大件垃圾没人收"],
        "texts": [
            "{building}有户装修，装修垃圾全堆在单元门口{days}了，灰土飞扬，进出都得绕着走。",
            "家里换了新沙发，旧的想扔，不知道大件垃圾往哪儿放，有没有人上门收？",
            "楼下堆了旧床垫、破衣柜，也不知道是谁扔的，快一个月了",
        ],
        "resolutions": [
            "联系装修户限期清运，并告知装修垃圾预约清运电话。",
            "已设置大件垃圾临时堆放点，每周定时清运。",
        ],
    },
    {
        "item": "CJ-048", "kind": "report", "urgency": "normal",
        "titles": ["饭店泔水倒进下水道", "泔水桶摆在路边", "夜里有人偷收泔水"],
        "texts": [
            "{shop}每天晚上把泔水直接倒进门口的雨水井，那一片臭气熏天。",
            "几家饭馆的泔水桶就放在人行道上，汤汤水水流一地，走路都打滑。",
            "有人夜里开三轮车收泔水，一路走一路洒，听说是拉去喂猪的",
        ],
        "resolutions": [
            "已转区城管委，对商户餐厨垃圾收运情况检查，督促签订收运协议。",
            "区城管委对违规倾倒餐厨垃圾行为依法处罚。",
        ],
    },
    {
        "item": "CJ-049", "kind": "help", "urgency": "urgent",
        "titles": ["电梯困人了快来人", "{building}电梯老坏", "电梯异响不敢坐", "电梯年检过期了"],
        "texts": [
            "{building}{unit}电梯卡在七楼和八楼中间了，里面有个老人和孩子，物业电话打不通，快来人！",
            "这电梯一个月坏三四回，修好了没两天又停，楼里好多老人腿脚不好，只能困在家里。",
            "电梯运行的时候咣咣响，还往下顿一下，年检合格证都过期了，谁敢坐？",
            "电梯坏了{days}了，物业说是在等配件，我住十六楼，腿脚又不好",
        ],
        "resolutions": [
            "维保单位到场解救被困人员，已转区市场监管局对该电梯开展安全检查。",
            "区市场监管局责令维保单位限期整改，电梯检验合格后恢复运行。",
        ],
    },
    {
        "item": "CJ-050", "kind": "complaint", "urgency": "normal",
        "titles": ["河道发黑发臭", "河里漂着垃圾", "有管子往河里排污"],
        "texts": [
            "清水河这段水又黑又臭，夏天一到晚上满是蚊子，沿河住的人都不敢开窗。",
            "河面上漂着塑料瓶、泡沫箱，还有死鱼，好几天了也没人打捞。",
            "{road}桥底下有根管子一直往河里排白色的水，不知道是哪家排的",
        ],
        "resolutions": [
            "区水务局组织河道保洁打捞，并排查沿河排污口。",
            "对违法排污口进行封堵，水质逐步改善。",
        ],
    },
    {
        "item": "CJ-051", "kind": "complaint", "urgency": "normal",
        "titles": ["中介不退押金", "租到隔断房想退租", "房东提前收房不退押金"],
        "texts": [
            "租房合同到期搬走了，中介以各种理由扣我两千块押金，找了{days}也不给退。",
            "中介说房子好好的，搬进去才发现是隔断房，想退租，中介一分钱不退。",
            "房东突然要收回房子，合同明明还有半年，押金也不想退给我",
        ],
        "resolutions": [
            "已转区住建局，对该中介机构开展调查，押金已退还。",
            "区住建局组织调解，双方就退租事宜达成一致。",
        ],
    },
    {
        "item": "CJ-052", "kind": "consultation", "urgency": "normal",
        "titles": ["咨询公租房申请", "公租房排队太久", "租房补贴怎么申请"],
        "texts": [
            "我们一家三口租房住，收入不高，想申请公租房，需要什么条件、去哪里报名？",
            "公租房轮候都排了三年了，到底还要等多久，能不能查一下排第几？",
            "听说有租房补贴，我儿子刚工作在附近租房，他这种情况能申请吗",
        ],
        "resolutions": [
            "已转区住建局，答复申请条件和轮候查询方式。",
            "区住建局已受理申请并告知审核进度。",
        ],
    },
    {
        "item": "CJ-053", "kind": "complaint", "urgency": "normal",
        "titles": ["马路挖开了不回填", "{road}施工围挡占路", "管道施工后路面坑洼"],
        "texts": [
            "{road}那段路挖开{days}了，就围了个挡板，一直没人施工，车和人都挤在一条窄道上。",
            "施工围挡把人行道全占了，行人只能走机动车道，太危险了。",
            "管道施工挖完了就用土随便一埋，下雨一冲全是泥，鞋都陷进去",
        ],
        "resolutions": [
            "已转区城管委，督促施工单位加快施工并恢复路面。",
            "区城管委责令施工单位规范设置围挡，留出行人通道。",
        ],
    },
    {
        "item": "CJ-054", "kind": "help", "urgency": "normal",
        "titles": ["楼号牌掉了找不到楼", "小区有两个同样楼号", "胡同门牌号乱"],
        "texts": [
            "我们{building}的楼号牌掉了快一年了，快递外卖天天找不到，救护车上次也跑错了楼。",
            "小区有两栋楼都叫甲3号楼，导航老导错，能不能统一改一改？",
            "胡同里门牌号乱七八糟的，12号挨着35号，外人来了根本找不着",
        ],
        "resolutions": [
            "已转区民政局，统一补设楼号和门牌标志。",
            "区民政局对重复楼号进行规范命名。",
        ],
    },
    {
        "item": "CJ-055", "kind": "consultation", "urgency": "complex",
        "titles": ["房产证一直办不下来", "老人去世房子怎么过户", "房改房材料丢了办不了证"],
        "texts": [
            "买的房子十多年了，开发商一直没给办房产证，说是手续问题，我们业主怎么办？",
            "父亲去世了，房子要过户到我名下，需要准备什么材料，在哪里办？",
            "单位分的老房子，房改时候的材料丢了，现在办不了不动产证",
        ],
        "resolutions": [
            "已转区规划自然资源分局，答复办证流程和所需材料。",
            "已纳入历史遗留办证问题台账，由区规划自然资源分局协调开发商补办。",
        ],
    },
    # ── 经济发展 ──────────────────────────────────────────────
    {
        "item": "JJ-001", "kind": "help", "urgency": "normal",
        "titles": ["企业反映门前道路差", "企业想找扩租场地", "企业想参加招聘会"],
        "texts": [
            "我们是辖区一家小科技公司，门口那段路坑坑洼洼，客户来了都说不像样，能不能帮忙协调一下。",
            "公司想扩大场地，附近有没有空置的写字楼，街道能不能帮忙对接？",
            "我们企业招工难，想参加街道组织的招聘会，下一场什么时候办",
        ],
        "resolutions": [
            "街道经济发展办公室上门走访企业，协调相关部门解决诉求。",
            "已为企业对接辖区空置楼宇资源和招聘会信息。",
        ],
    },
    {
        "item": "JJ-002", "kind": "complaint", "urgency": "normal",
        "titles": ["写字楼周末不开空调", "商务楼停车费太贵", "楼宇只开一部电梯"],
        "texts": [
            "我们公司在{road}那栋商务楼办公，楼里物业周末不开空调，员工加班热得受不了。",
            "写字楼地下车库停车费一个月八百，周边又没别的地方停，能不能协调一下？",
            "楼里空了一大半，物业为了省电只开一部电梯，早上排队二十分钟",
        ],
        "resolutions": [
            "街道经济发展办公室协调楼宇物业调整空调和电梯运行时间。",
            "与楼宇业主沟通，为入驻企业提供停车优惠。",
        ],
    },
    {
        "item": "JJ-003", "kind": "consultation", "urgency": "normal",
        "titles": ["普查员上门是真的吗", "入户调查太频繁", "调查员要拍照担心泄露"],
        "texts": [
            "有人敲门说是经济普查员，要看我营业执照和账本，这是真的吗？怎么核实身份？",
            "一个月来了三拨人调查，问的问题都差不多，我们小店还做不做生意了。",
            "调查员问我家收入支出，还要拍照，我担心个人信息泄露",
        ],
        "resolutions": [
            "已向居民说明普查员持证上岗及身份核验方式。",
            "已反馈区统计局，优化入户调查安排，减少重复打扰。",
        ],
    },
    {
        "item": "JJ-004", "kind": "consultation", "urgency": "normal",
        "titles": ["想办个体营业执照", "开小卖部要什么手续", "营业执照地址怎么变更"],
        "texts": [
            "想在小区门口开个小卖部，营业执照怎么办，在网上办还是得去窗口？",
            "我原来的店搬到{road}了，营业执照上的地址要不要改，去哪儿改？",
            "我想在家做点蛋糕烘焙在网上卖，需要办什么证，去哪儿办？",
        ],
        "resolutions": [
            "已转区市场监管局，告知网上登记流程。",
            "区市场监管局指导完成经营场所变更登记。",
        ],
    },
    {
        "item": "JJ-005", "kind": "report", "urgency": "normal",
        "titles": ["居民楼里有黑作坊", "住宅里开无照饭馆", "地下室偷偷加工食品"],
        "texts": [
            "{building}一楼有户人家天天在家里做凉皮往外批发，没营业执照，卫生看着特别差。",
            "小区里开了家没牌子的小饭馆，就在住宅里，油烟和噪音都大。",
            "半夜总有三轮车往地下室拉货，里面好像在加工什么东西，味道很冲",
        ],
        "resolutions": [
            "已转区市场监管局，执法人员现场检查并依法取缔无照经营。",
            "区市场监管局对加工点查处，相关物品已封存。",
        ],
    },
    {
        "item": "JJ-006", "kind": "complaint", "urgency": "urgent",
        "titles": ["{shop}卫生太差", "吃了饭馆的菜拉肚子", "超市卖过期酸奶", "饭馆后厨有老鼠"],
        "texts": [
            "昨天在{shop}吃完饭，一家三口晚上都拉肚子，孩子还发烧了，这家店必须查一查！",
            "在超市买的酸奶回家一看过期三天了，找店里他们就说给换一盒，这不是第一次了。",
            "从后门路过看见{shop}的后厨，地上全是油污，还有老鼠跑来跑去，太恶心了。",
            "小区门口早点摊炸油条的油黑乎乎的，不知道反复炸了多少遍",
        ],
        "resolutions": [
            "已转区市场监管局，对涉事商户进行检查并依法处理。",
            "区市场监管局约谈商户，责令整改后厨卫生，下架过期商品。",
        ],
    },
    {
        "item": "JJ-006", "kind": "complaint", "urgency": "normal",
        "titles": ["学校门口卖三无零食", "校门口小摊不卫生", "辣条没有生产日期"],
        "texts": [
            "小学门口那几家小卖部卖五毛钱的辣条，包装上啥也没印，孩子们天天买着吃。",
            "放学时候校门口一堆流动小摊卖烤肠、糖葫芦，都是露天的，灰尘全落上面了。",
            "孩子吃了校门口买的零食肚子疼，我看了包装，连厂址都没有",
        ],
        "resolutions": [
            "区市场监管局对校园周边食品经营开展专项检查。",
            "已下架无标识食品，流动摊贩由街道执法队劝离。",
        ],
    },
    {
        "item": "JJ-007", "kind": "complaint", "urgency": "complex",
        "titles": ["健身房跑路卡里有钱", "理发店办卡后转让", "早教机构不退费", "养生馆卷钱跑了"],
        "texts": [
            "{road}上那家健身房突然关门了，我年初刚充了四千块，老板电话也打不通了。",
            "在楼下理发店办了一千元的卡，才用了两次店就转让了，新老板不认账。",
            "孩子报的早教课还剩三十多节，机构说要搬走，让我们去二十公里外上课，不去就不退钱。",
            "我妈被人忽悠办了张养生馆的卡，花了一万多，现在那家店人去楼空了",
        ],
        "resolutions": [
            "已转区市场监管局，组织消费者登记并开展调解。",
            "区市场监管局协调经营者按剩余课时退费。",
        ],
    },
    {
        "item": "JJ-008", "kind": "complaint", "urgency": "normal",
        "titles": ["菜市场缺斤短两", "早市占道太严重", "菜市场地面污水横流"],
        "texts": [
            "在菜市场买了二斤排骨，回家一称才一斤六两，这不是坑人吗！",
            "{road}的早市每天一早摆到马路上，车都过不去，七点半以后还不收摊。",
            "菜市场里面下水堵了，地上全是污水，鱼腥味冲天，根本下不去脚",
        ],
        "resolutions": [
            "区商务局会同市场监管部门检查计量器具，在菜市场设置公平秤。",
            "已规范早市经营时间和范围，安排专人管理。",
        ],
    },
    {
        "item": "JJ-009", "kind": "suggestion", "urgency": "normal",
        "titles": ["小区附近买菜难", "建议开个早点铺", "附近没有修鞋配钥匙的"],
        "texts": [
            "小区周边的菜店都拆了，现在买个菜要坐两站地公交，老人太不方便了。",
            "我们这片几千户人，早上连个卖早点的都没有，年轻人只能饿着肚子上班。",
            "以前路口有个修鞋配钥匙的小摊，清理之后就没了，很不方便",
        ],
        "resolutions": [
            "区商务局引入便民菜站，在小区周边设立蔬菜直通车。",
            "已协调在{place}设置便民服务点。",
        ],
    },
    {
        "item": "JJ-010", "kind": "consultation", "urgency": "normal",
        "titles": ["饭店不给开发票", "个体户怎么报税", "网上接单要自己报税吗"],
        "texts": [
            "在{shop}吃了饭要发票，店里说没有发票，只能给个收据。",
            "我开了个小卖部，一直没弄明白每个月要不要报税，会不会被罚？",
            "我在网上接单干设计的活，平台扣了税，年底还要自己再申报吗",
        ],
        "resolutions": [
            "已转区税务局，告知开具发票的途径和举报渠道。",
            "区税务局答复个体户纳税申报要求。",
        ],
    },
    {
        "item": "JJ-012", "kind": "report", "urgency": "urgent",
        "titles": ["店铺招牌要掉下来", "广告大屏太亮晃眼", "门头牌匾被要求拆除"],
        "texts": [
            "{shop}门口的招牌一边的螺丝掉了，刮风的时候晃得厉害，下面就是人行道。",
            "对面商场的LED大屏{time}还亮着，正好照进我家卧室，拉上窗帘都晃眼。",
            "我店里的门头牌匾刚做好，就有人说不合规要拆，到底按什么标准？",
        ],
        "resolutions": [
            "已转区城管委，督促商户加固招牌，消除坠落隐患。",
            "区城管委协调调整显示屏亮度和关闭时间。",
        ],
    },
    {
        "item": "JJ-013", "kind": "complaint", "urgency": "normal",
        "titles": ["快递站包裹堆到路上", "快递柜超时收费", "快递丢了驿站不管"],
        "texts": [
            "小区门口快递驿站把包裹堆到人行道上，占了半条路，下雨就拿塑料布一盖。",
            "快递柜放了几个小时就开始收费，快递员也不打电话直接塞柜子里。",
            "快递显示签收了，可我根本没收到，驿站说不是他们的问题",
        ],
        "resolutions": [
            "区商务局约谈快递企业，规范驿站包裹摆放。",
            "已协调快递企业先行赔付。",
        ],
    },
    {
        "item": "JJ-014", "kind": "complaint", "urgency": "normal",
        "titles": ["夜市收摊太晚太吵", "夜市散场满地垃圾", "饭店想申请门口外摆"],
        "texts": [
            "{road}的夜市天天闹到后半夜，吆喝声、音乐声，住在边上的人根本没法睡。",
            "夜市散了以后满地竹签、餐盒，第二天早上老人晨练一脚踩进油里。",
            "我是开饭店的，夏天能不能让我们在门口摆几张桌子，规范管理也行",
        ],
        "resolutions": [
            "街道经济发展办公室规范夜市经营时间至晚十点半，加派保洁。",
            "已划定外摆区域和时段，商户签订承诺书。",
        ],
    },
    # ── 村社区建设 ──────────────────────────────────────────────
    {
        "item": "SQ-001", "kind": "consultation", "urgency": "normal",
        "titles": ["居委会选举没人来登记", "租户能参加居委会选举吗", "想参选居民代表"],
        "texts": [
            "听说居委会要换届了，我家在这住了二十年，怎么没人来登记选民？",
            "户口不在这里，但在小区租房住了五年，能参加居委会选举吗？",
            "我退休前是老师，想参选居民代表，需要什么条件，找谁报名",
        ],
        "resolutions": [
            "已为居民补办选民登记。",
            "向居民说明选民资格和参选程序。",
        ],
    },
    {
        "item": "SQ-002", "kind": "suggestion", "urgency": "normal",
        "titles": ["建议开居民议事会", "单元门换门禁想商量", "空地用途想议一议"],
        "texts": [
            "我们{building}想把单元门换成带门禁的，有的同意有的不同意，能不能社区出面组织大家坐下来商量？",
            "小区那块空地到底是建停车位还是建小花园，吵了好久了，建议开个议事会投票定。",
            "楼里几户想凑钱刷楼道，有人不愿意出钱，社区能不能帮着协调一下",
        ],
        "resolutions": [
            "社区组织居民议事会，经协商表决确定方案并公示。",
            "已召开楼门议事会，居民达成一致意见。",
        ],
    },
    {
        "item": "SQ-003", "kind": "help", "urgency": "normal",
        "titles": ["孩子上学开居住证明", "社区派出所来回推", "单位要家庭情况证明"],
        "texts": [
            "孩子上学要开居住证明，社区说要房产证原件，我是租房的，怎么办？",
            "去社区开证明，工作人员说这个不归他们开，让我去派出所，派出所又让我回社区。",
            "单位要我开个证明说家里有老人需要照顾，这个社区能开吗？",
        ],
        "resolutions": [
            "已按规定为居民出具居住证明。",
            "向居民解释证明开具范围，告知可由相关部门核验的渠道。",
        ],
    },
    {
        "item": "SQ-004", "kind": "consultation", "urgency": "normal",
        "titles": ["咨询社区工作者招聘", "社工考试什么时候报名", "社区工作者待遇咨询"],
        "texts": [
            "我今年大学毕业，想考社区工作者，今年什么时候招，在哪儿看公告？",
            "去年社区工作者考试笔试过了面试没过，今年还能接着报吗？",
            "想问问社区工作者工资待遇大概怎么样，有没有五险一金？",
        ],
        "resolutions": [
            "已转区民政局，答复全区社区工作者统一招聘计划和报名渠道。",
            "区民政局已回复招聘条件和薪酬标准。",
        ],
    },
    {
        "item": "SQ-005", "kind": "help", "urgency": "normal",
        "titles": ["想成立书法兴趣小组", "合唱团没地方排练", "社区有没有编织班"],
        "texts": [
            "我们几个退休的老姐妹想成立个书法小组，社区能不能给提供个地方、备案一下？",
            "社区合唱团三十多人，一直没地方排练，去小广场又怕扰民。",
            "退休了想学编织、剪纸这些手艺，社区有没有开这样的班？",
        ],
        "resolutions": [
            "已为书法小组办理社区社会组织备案，安排活动室固定时段。",
            "登记居民需求，已开设手工编织兴趣班。",
        ],
    },
    {
        "item": "SQ-006", "kind": "consultation", "urgency": "normal",
        "titles": ["想报名当志愿者", "志愿服务时长怎么查", "楼门长搬走了没人管"],
        "texts": [
            "我退休在家没事，身体还行，想给社区当个志愿者，哪儿报名？",
            "我在社区做了半年志愿服务，想问问时长在哪儿能查到，能不能开证明？",
            "我们楼的楼门长年纪大了，搬去儿子家住了，楼里有事都找不到人",
        ],
        "resolutions": [
            "已为居民办理志愿者注册，安排参与助老服务。",
            "社区重新推选楼门长并公示联系方式。",
        ],
    },
    {
        "item": "SQ-007", "kind": "complaint", "urgency": "normal",
        "titles": ["社区活动室总锁门", "活动室被当成仓库", "想借活动室办寿宴"],
        "texts": [
            "社区活动室天天锁着门，挂的牌子写着开放，可每次去都没人。",
            "活动室被堆满了宣传物资和桌椅，我们下棋的地方都没有了。",
            "我家老人过八十大寿，想借社区活动室摆两桌热闹一下，可以吗",
        ],
        "resolutions": [
            "已公示活动室开放时间，安排志愿者值守。",
            "清理活动室堆放物资，恢复居民活动功能；告知活动室不可用于私人宴请。",
        ],
    },
    {
        "item": "SQ-008", "kind": "suggestion", "urgency": "normal",
        "titles": ["社区能不能多办活动", "建议重阳节办联欢会", "少儿才艺比赛怎么报名"],
        "texts": [
            "社区这两年都没怎么办过活动，以前还有个中秋联欢，现在啥也没有了。",
            "建议重阳节办个老年人联欢会，让老人们热闹热闹，我们几个可以出节目。",
            "看到社区通知有少儿才艺比赛，在哪儿报名，截止到什么时候",
        ],
        "resolutions": [
            "社区已制定全年文化活动计划并公示。",
            "重阳节联欢会已举办，参与居民一百余人。",
        ],
    },
    {
        "item": "SQ-009", "kind": "suggestion", "urgency": "normal",
        "titles": ["小区缺休息座椅", "建议楼下装晾衣架", "小花园荒了想改造", "建议小广场建凉亭"],
        "texts": [
            "小区里连个坐的地方都没有，老人遛弯走累了只能坐在马路牙子上。",
            "一楼住户都在树上拉绳子晾被子，建议在楼前空地装几个公共晾衣架。",
            "锅炉房后面那块小花园荒了好几年，杂草比人高，能不能改造一下给大家用？",
            "建议在小广场装个遮阳的凉亭，夏天老人带孩子有个地方乘凉",
        ],
        "resolutions": [
            "社区通过微更新项目在小区内增设休息座椅和晾衣架。",
            "居民议事确定方案，小花园改造已完工。",
        ],
    },
    {
        "item": "SQ-010", "kind": "suggestion", "urgency": "normal",
        "titles": ["建议制定居民公约", "宣传栏内容太旧", "小区不文明现象多"],
        "texts": [
            "小区里乱扔垃圾、乱贴小广告、遛狗不拴绳，建议社区组织大家订个居民公约。",
            "社区宣传栏里贴的还是前年的通知，纸都晒白了，也没人更新。",
            "楼里有人往窗外扔烟头、吐痰，说了不听，能不能社区出面宣传宣传",
        ],
        "resolutions": [
            "组织居民议定居民公约，张贴到各楼门。",
            "更新社区宣传栏内容，开展文明行为宣传。",
        ],
    },
    {
        "item": "SQ-012", "kind": "suggestion", "urgency": "normal",
        "titles": ["社区门口牌子太多", "挂牌多找不到办事处", "建议清理社区牌子"],
        "texts": [
            "社区门口挂了十几块牌子，我想找办低保的地方都找不到。",
            "那么多牌子，隔三岔五就有人来检查拍照，工作人员都忙着迎检了",
            "建议社区门口就挂一个牌子，进门贴张办事指南就行，一目了然",
        ],
        "resolutions": [
            "已清理社区不规范挂牌，设置办事指引。",
            "向居民说明挂牌规范情况并公示服务事项清单。",
        ],
    },
    {
        "item": "SQ-013", "kind": "help", "urgency": "normal",
        "titles": ["开亲属关系证明", "养老金年审要健在证明", "银行让社区开证明"],
        "texts": [
            "我要给我爸办点手续，单位让开个证明证明我爸是我爸，社区说不能开了，这让我怎么办？",
            "养老金年审让开健在证明，我妈九十岁了，腿脚不行，非得本人去吗？",
            "银行说取我奶奶账户里的钱要社区证明亲属关系，社区说不开这种证明了",
        ],
        "resolutions": [
            "向居民说明该证明已取消，协助其通过告知承诺方式办理。",
            "联系相关单位通过数据共享核验，居民无需再开证明。",
        ],
    },
    {
        "item": "SQ-014", "kind": "help", "urgency": "normal",
        "titles": ["老人不会用手机办事", "社保卡补办能上门吗", "网上办居住证总失败"],
        "texts": [
            "我爸七十多了，现在办啥都要手机扫码，他根本不会弄，社区能帮忙代办吗？",
            "我妈的社保卡丢了，她腿脚不方便去不了窗口，有没有上门办理的？",
            "在网上办居住证一直提示照片上传失败，来回弄了{days}了还是不行",
        ],
        "resolutions": [
            "社区代办员上门为老人代办业务。",
            "指导居民完成网上申报，已办结。",
        ],
    },
    {
        "item": "SQ-016", "kind": "complaint", "urgency": "normal",
        "titles": ["社区工作人员天天填表", "去居委会办事找不到人", "网格员忙着拍照留痕"],
        "texts": [
            "每次去居委会找人，工作人员都在电脑前填表，说上面催着要，我们的事就得往后放。",
            "网格员说他一天要拍几十张照片上传，哪有时间下楼来看我们反映的问题。",
            "社区就那么几个人，光报表就一大堆，建议上面少让他们填点表",
        ],
        "resolutions": [
            "已向居民说明相关报表已取消，社区工作人员增加入户走访时间。",
            "街道已清理重复报表，网格员巡查时间增加。",
        ],
    },
    # ── 综合治理 ──────────────────────────────────────────────
    {
        "item": "ZZ-001", "kind": "help", "urgency": "normal",
        "titles": ["邻里纠纷请求调解", "和楼上邻居闹矛盾", "邻居在我家门口堆东西", "对门摄像头对着我家"],
        "texts": [
            "对门在楼道装了个摄像头，正对着我家门，我们进进出出都被拍着，跟他说了不拆，请社区来调解。",
            "楼上{time}在家里拍球、拖椅子，跟他们说了好几次，还骂人，实在没办法了。",
            "邻居把鞋柜、纸箱全堆在我家门口，说了还跟我吵，差点动手。",
            "两家为楼道里一块空地吵了好几年了，今天又吵起来了，快来人劝劝",
        ],
        "resolutions": [
            "社区调解员组织双方面对面调解，对门调整了摄像头角度。",
            "经调解双方达成协议，清理了门口堆放物品。",
        ],
    },
    {
        "item": "ZZ-002", "kind": "help", "urgency": "complex",
        "titles": ["子女不赡养老人", "兄弟为老房子闹翻", "婆媳矛盾请求调解"],
        "texts": [
            "我今年七十六了，三个儿子谁都不管我，生病了都没人陪着看，想请人民调解员帮帮我。",
            "我爸去世后留下的老房子，我哥非要一个人占着，一家人闹得不可开交。",
            "老伴和儿媳妇天天吵，老伴一气之下跑到公园里坐了一宿，求社区帮忙劝劝",
        ],
        "resolutions": [
            "人民调解委员会组织家庭调解，子女签订赡养协议。",
            "调解不成，已引导当事人申请法律援助通过诉讼解决。",
        ],
    },
    {
        "item": "ZZ-003", "kind": "consultation", "urgency": "normal",
        "titles": ["想找免费律师咨询", "咨询法律援助条件", "借钱不还怎么办"],
        "texts": [
            "朋友借了我五万块钱，说好一年还，现在三年了人都找不到，我该怎么办，去哪儿咨询？",
            "我是外地来打工的，被车撞了，对方不赔钱，听说能申请法律援助，怎么申请？",
            "社区是不是有律师值班，一般哪天来，我想问问立遗嘱的事",
        ],
        "resolutions": [
            "已预约社区法律顾问提供免费咨询。",
            "协助当事人向区司法局申请法律援助，已受理。",
        ],
    },
    {
        "item": "ZZ-004", "kind": "complaint", "urgency": "complex",
        "titles": ["问题反映多次没解决", "要求街道领导接待", "老问题一直拖着不办"],
        "texts": [
            "我家房子的问题反映了好几年，每次都说研究研究，到现在也没个结果，我要见街道领导。",
            "给12345打了不下十次电话，每次回访都说已办结，可问题根本没解决！",
            "这是我第四次来了，每次都让我回去等，我都七十多岁了还要等多久",
        ],
        "resolutions": [
            "街道领导接待日当面听取诉求，制定化解方案并明确时限。",
            "已召开联席会议，相关部门现场答复，问题得到解决。",
        ],
    },
    {
        "item": "ZZ-005", "kind": "complaint", "urgency": "normal",
        "titles": ["工单显示办结没解决", "热线转来转去没人管", "反映问题没人回电话"],
        "texts": [
            "我上周打12345反映{place}积水的事，今天收到短信说已办结，可现场一点没变。",
            "打了热线说转给街道了，街道又说不归他们管，这到底谁管？",
            "反映问题已经{days}了，一直没人给我回电话，到底有没有人在处理",
        ],
        "resolutions": [
            "街道接诉即办中心重新派单并跟踪督办，问题已解决并向居民反馈。",
            "已核实工单流转情况，明确承办单位，电话告知居民办理进度。",
        ],
    },
    {
        "item": "ZZ-006", "kind": "suggestion", "urgency": "normal",
        "titles": ["小区晚上不安全", "陌生人在楼道转悠", "建议增加夜间巡逻"],
        "texts": [
            "最近小区里老有陌生人晚上在楼道里转悠，挨家挨户看门，我一个人带孩子在家很害怕。",
            "{place}那边晚上黑，经常有喝醉的人在那儿闹，建议派人巡逻。",
            "小区门口的保安形同虚设，整天坐在屋里看手机，谁进都不问",
        ],
        "resolutions": [
            "组织平安志愿者增加夜间巡逻频次，并协调增加监控。",
            "社区与物业加强门岗管理，实行来访登记。",
        ],
    },
    {
        "item": "ZZ-007", "kind": "report", "urgency": "urgent",
        "titles": ["电动车被偷了", "楼道自行车接连丢失", "家门口快递总丢"],
        "texts": [
            "昨天晚上停在{building}楼下的电动车被偷了，锁都被剪断了，小区里监控还是坏的。",
            "放在楼道里的自行车一个月丢了两辆了，小区里是不是有小偷？",
            "家门口的快递一个月丢了三次，想调监控，物业说那块没有摄像头",
        ],
        "resolutions": [
            "已协助居民向派出所报案，派出所调取周边监控侦查。",
            "加装楼道监控，派出所加强片区巡逻。",
        ],
    },
    {
        "item": "ZZ-008", "kind": "complaint", "urgency": "normal",
        "titles": ["小区遛狗不拴绳", "大狗在小区乱跑", "{place}有人遛狗不牵绳", "没拴绳的狗扑倒小孩"],
        "texts": [
            "{place}天天有人遛大狗不拴绳，那狗比我孙子还高，上次直接扑过来，把孩子吓哭了。",
            "小区里有人养了条大型犬，我看着像是禁养的那种，每天早上放出来在草坪上跑。",
            "说了多少次遛狗要拴绳，狗主人还说我家狗不咬人，真咬了谁负责？",
            "我早上晨练被一条没拴绳的狗追着跑，摔了一跤，膝盖都破了",
        ],
        "resolutions": [
            "已转区公安分局，民警对违规遛犬行为进行教育并依法处理。",
            "公安机关核查犬只登记情况，对禁养犬只依法处置。",
        ],
    },
    {
        "item": "ZZ-008", "kind": "complaint", "urgency": "normal",
        "titles": ["邻居家狗整天叫", "被邻居家狗咬了", "楼上养三条狗吵人"],
        "texts": [
            "隔壁养了两条狗，主人白天上班不在家，狗从早叫到晚，{time}也叫，已经{days}了。",
            "我今天在楼下被邻居家的狗咬了一口，去打了疫苗，狗主人不认账，不肯赔医药费。",
            "楼上家里养了三条狗，天天叫，在地板上跑来跑去，楼下住不了人了",
        ],
        "resolutions": [
            "已转区公安分局，民警上门约谈犬主，督促采取止吠措施。",
            "派出所组织双方调解，犬主赔偿医疗费用。",
        ],
    },
    {
        "item": "ZZ-009", "kind": "complaint", "urgency": "normal",
        "titles": ["小区狗屎遍地", "遛狗不清理粪便", "儿童沙坑里有狗屎", "建议设拾便袋箱"],
        "texts": [
            "小区路上到处是狗屎，一不小心就踩一脚，遛狗的人从来不捡。",
            "{building}单元门口天天有狗在那儿拉，早上出门都得看着走。",
            "儿童游乐区的沙坑里有狗屎，我孙子玩的时候抓了一手，气死了",
            "能不能在小区里放几个拾便袋箱，再贴点标语，提醒大家文明养犬",
        ],
        "resolutions": [
            "社区开展文明养犬宣传，设置拾便袋投放点。",
            "组织养犬居民签订文明养犬承诺书，志愿者劝导巡查。",
        ],
    },
    {
        "item": "ZZ-010", "kind": "complaint", "urgency": "normal",
        "titles": ["小区流浪猫太多", "有人楼下投喂野猫", "流浪猫半夜叫春", "野猫钻进汽车发动机"],
        "texts": [
            "小区里流浪猫越来越多，少说有二三十只，晚上叫得跟小孩哭一样，吵得睡不着。",
            "有个阿姨每天在{building}楼下喂猫，猫粮撒一地，招蚂蚁招苍蝇。",
            "早上开车发动机里钻了只小猫，吓我一跳，这些猫谁来管管。",
            "建议社区联系动物保护组织给流浪猫做绝育，别光想着赶走",
        ],
        "resolutions": [
            "社区联合志愿者和动物保护组织开展流浪猫救助绝育。",
            "在小区设置固定投喂点，引导居民规范投喂。",
        ],
    },
    {
        "item": "ZZ-011", "kind": "report", "urgency": "urgent",
        "titles": ["流浪狗追着人跑", "小区附近有野狗群", "孩子被流浪狗咬了"],
        "texts": [
            "{place}那边有一群野狗，四五条，早上上学的孩子都被追过。",
            "有条流浪狗在小区里转了{days}了，瘦得皮包骨头，还冲着人叫，怕它有狂犬病。",
            "我家孩子放学路上被一条流浪狗咬了，去打针花了好几百",
        ],
        "resolutions": [
            "已转区公安分局，犬类收容单位捕捉收容流浪犬。",
            "区公安分局安排收容，社区做好居民提醒。",
        ],
    },
    {
        "item": "ZZ-012", "kind": "complaint", "urgency": "normal",
        "titles": ["广场舞音响太吵", "楼下小广场跳舞扰民", "跳舞吵得孩子没法学习", "早上五点就放音乐"],
        "texts": [
            "小广场的广场舞每天晚上七点跳到九点半，音响开得震天响，孩子写作业都听不见自己说话。",
            "我家老人有心脏病，受不了那个音响，跟跳舞的人说了，她们说你嫌吵就关窗户。",
            "早上五点多就有人在楼下练太极放音乐，周末想睡个懒觉都不行。",
            "不是反对跳舞，就是希望音量小一点、时间早点结束，大家互相体谅",
            "小廣場的廣場舞聲音太大了，反映了已經{days}了，一點沒改善",
        ],
        "resolutions": [
            "社区约请舞队负责人协商，约定音量和时间，并推广使用无线耳机。",
            "将舞蹈队活动调整到远离住宅楼的场地，回访居民表示噪音明显减小。",
        ],
    },
    {
        "item": "ZZ-013", "kind": "complaint", "urgency": "normal",
        "titles": ["{shop}喇叭吆喝扰民", "KTV半夜还在唱", "商铺大喇叭叫卖太吵", "酒吧低音炮震得慌"],
        "texts": [
            "楼下{shop}放着大喇叭循环吆喝，从早上一直喊到晚上，跟念经似的。",
            "小区对面的KTV{time}还在鬼哭狼嚎，窗户关上都能听到。",
            "新开的酒吧每天晚上放音乐，低音炮震得我家玻璃都在响，已经{days}了。",
        ],
        "resolutions": [
            "执法人员现场检查，责令商户停用高音喇叭。",
            "对KTV噪声进行监测，责令其加装隔音设施并控制营业音量。",
        ],
    },
    {
        "item": "ZZ-014", "kind": "complaint", "urgency": "normal",
        "titles": ["{shop}油烟熏人", "楼下饭馆油烟扰民", "烧烤店排烟对着窗户", "餐馆净化器不开"],
        "texts": [
            "楼下{shop}的排烟口正对着我家窗户，一到饭点油烟往屋里灌，窗户都不敢开，衣服全是味儿。",
            "我家孩子有哮喘，被饭馆的油烟呛得直咳嗽，找店老板说了好几次，他说装了净化器，可根本没用。",
            "那家烧烤店{time}都在烤，烟雾缭绕的，我们{building}整栋楼都遭殃。",
            "油烟问题已经{days}了，找了物业又找了居委会，都说管不了，到底谁管？",
            "樓下飯館油煙太大，我家窗戶上全是油，衣服曬在外面都是味兒",
        ],
        "resolutions": [
            "已转区生态环境局，执法人员现场检测油烟排放，责令商户限期清洗并更换净化设备。",
            "区生态环境局对超标排放立案处罚，商户已将排烟管道改至楼顶。",
        ],
    },
    {
        "item": "ZZ-014", "kind": "consultation", "urgency": "normal",
        "titles": ["居民楼底下能开饭馆吗", "底商改餐饮谁审批", "新开饭馆排烟管装我家墙上"],
        "texts": [
            "我们楼一层的底商要改成饭馆了，正在装修，以后油烟肯定少不了，住宅楼底下能开餐馆吗？",
            "楼下新开的饭馆把排烟管顺着我家外墙往上走，也没跟我们商量，这合规吗？",
            "{shop}老板说他们有环评手续，我们想看看真假，去哪里能查到",
        ],
        "resolutions": [
            "已转区生态环境局，答复住宅楼内餐饮项目的相关规定并现场核查。",
            "区生态环境局责令商户调整排烟管线走向，并向居民公开审批情况。",
        ],
    },
    {
        "item": "ZZ-015", "kind": "complaint", "urgency": "normal",
        "titles": ["{road}路边摆摊占道", "露天烧烤乌烟瘴气", "流动摊贩堵小区门", "饭馆桌子摆上人行道"],
        "texts": [
            "{road}两边摆满了卖水果、卖衣服的摊子，人行道根本走不了，只能走到机动车道上。",
            "每天晚上{place}都有人支起炉子露天烧烤，烟熏火燎的，喝酒划拳到后半夜。",
            "小区门口流动卖菜的三轮车把门堵了，救护车都进不来。",
            "{shop}把桌子摆到人行道上，晚上一大片，推婴儿车根本过不去",
        ],
        "resolutions": [
            "街道综合行政执法队现场劝离占道摊贩，引导入市经营。",
            "对露天烧烤进行查处，暂扣烧烤设备，安排每晚巡查。",
        ],
    },
    {
        "item": "ZZ-016", "kind": "complaint", "urgency": "normal",
        "titles": ["{road}违停堵路", "汽车长期占用人行道", "大货车停小区门口", "路口违停赶不走"],
        "texts": [
            "{road}上每天都有车双排停放,公交车都过不去,早晚高峰堵成一锅粥!!!",
            "人行道上停满了汽车，行人只能走机动车道，带孩子太危险。",
            "一辆大货车在小区门口停了{days}，挡着视线，出门拐弯看不见车。",
            "{place}那儿天天有人违停，交警来了就开走，交警一走又停回来",
        ],
        "resolutions": [
            "已转区公安交通支队，加强该路段违停巡查执法。",
            "交警对长期违停车辆依法处理，并在路口增设禁停标志。",
        ],
    },
    {
        "item": "ZZ-018", "kind": "complaint", "urgency": "normal",
        "titles": ["共享单车堵门口", "{place}单车堆成山", "共享单车扔进绿地", "单车倒在盲道上"],
        "texts": [
            "{place}的共享单车乱七八糟堆了一大片，把小区门都堵了一半，早上出门得搬开才能走。",
            "地铁口的共享单车多到没地方下脚，坏车扔在那儿几个月也没人收。",
            "有人把共享单车扔在小区绿地里、楼道口，一放就是{days}",
            "共享单车横七竖八倒在盲道上，我眼神不好，昨天差点被绊倒",
        ],
        "resolutions": [
            "区交通委通知运营企业清理调运车辆，并施划停放区。",
            "运营企业在{place}增派运维人员，设置电子围栏。",
        ],
    },
    {
        "item": "ZZ-019", "kind": "report", "urgency": "normal",
        "titles": ["楼道灭火器过期了", "消火栓箱里没水带", "楼道堆可燃物还有人抽烟"],
        "texts": [
            "{building}楼道里的灭火器都是好几年前的，压力表指针都到红区了，万一着火有啥用？",
            "小区消火栓箱里连水带都没有，柜门也锈死了，真着火了怎么办？",
            "楼里有人在楼道里堆了好多纸箱和旧家具，还有人在那儿抽烟，很容易着火",
        ],
        "resolutions": [
            "社区更换过期灭火器，督促物业维修消防设施。",
            "组织消防安全检查，清理楼道可燃物。",
        ],
    },
    {
        "item": "ZZ-020", "kind": "complaint", "urgency": "urgent",
        "titles": ["消防通道被堵", "车停在消防通道上", "救护车进不来", "消防通道上搭棚子"],
        "texts": [
            "小区唯一的消防通道每天晚上都停满了车，上次楼里有人犯病，救护车进不来，耽误了十几分钟。",
            "{building}后面那段消防通道画了黄线也没用，照样停车，还有人在上面搭棚子。",
            "消防通道天天堵着，真着火了消防车根本开不进来，希望有关部门重视！！",
        ],
        "resolutions": [
            "消防救援支队会同社区开展检查，清理占用车辆并加装隔离桩。",
            "对占用消防通道的车辆进行警示，物业设专人值守。",
        ],
    },
    {
        "item": "ZZ-021", "kind": "report", "urgency": "urgent",
        "titles": ["楼道里飞线充电", "电动车推进楼道充电", "{building}有人从窗户拉线", "电瓶拎回家充电"],
        "texts": [
            "{building}{unit}有人把电动车推到楼道里充电，电线从三楼窗户吊下来，晚上充一宿，太吓人了！",
            "楼道里停着好几辆电动车，充电器插座就挂在墙上，万一着火整栋楼都跑不出去。",
            "我家楼下邻居天天把电瓶拎回家充电，就放在床边上，我跟他说了他不听。",
            "看新闻电动车着火烧死人，我们楼也天天有人在楼道充电，求求管一管",
            "一樓有人從窗戶拉線給電平車充電，已經好幾個月了，誰來管管",
        ],
        "resolutions": [
            "社区联合物业清理楼道电动车和飞线，引导到集中充电棚充电。",
            "对飞线充电住户上门劝导，签订安全承诺书，安排夜间巡查。",
        ],
    },
    {
        "item": "ZZ-022", "kind": "complaint", "urgency": "normal",
        "titles": ["楼道堆满杂物", "{building}楼道堆纸箱", "邻居在楼道放旧柜子"],
        "texts": [
            "{building}{unit}楼道里堆满了纸箱、旧花盆、破自行车，人走都得侧着身子。",
            "有户捡废品的把楼道当成仓库了，纸壳子堆到天花板，味道也大。",
            "楼道里放了好几个旧柜子，跟楼门长说了{days}了也没人来清",
        ],
        "resolutions": [
            "社区组织清理楼道堆物，与堆物住户沟通签订不再堆放承诺。",
            "已协调物业清运楼道杂物，楼门长日常巡查。",
        ],
    },
    {
        "item": "ZZ-023", "kind": "report", "urgency": "urgent",
        "titles": ["楼上往下扔啤酒瓶", "高空抛物差点砸人", "有人从窗户倒剩菜"],
        "texts": [
            "今天下午从{building}楼上扔下来一个啤酒瓶，在我脚边碎了，差一点就砸到头上了！",
            "楼上总往下扔烟头、果皮，我家晾在外面的衣服都被烫了好几个洞。",
            "有人从窗户往下倒剩菜剩饭，一楼院子里全是，夏天臭得不行",
        ],
        "resolutions": [
            "已报派出所立案调查，协调物业安装高空抛物监控。",
            "社区入户宣传高空抛物法律责任，监控安装后未再发生。",
        ],
    },
    {
        "item": "ZZ-024", "kind": "report", "urgency": "complex",
        "titles": ["{building}有群租房", "一套房里住了十几个人", "隔断房电线乱拉", "群租房垃圾扔楼道"],
        "texts": [
            "{building}{unit}六楼那套房被隔成了七八间，住了十几个人，每天进进出出，楼道里全是他们的东西。",
            "对门是群租房，卫生间一早上排队，半夜还有人打电话、打游戏，吵死了。",
            "楼下那套房子打了隔断、上下铺，电线拉得到处都是，这着火了咋办？",
            "群租房的人把垃圾袋直接扔在楼道里，都{days}了也没人清理，全是苍蝇",
        ],
        "resolutions": [
            "区房管局会同街道入户核查，责令房东拆除隔断、清退超员租户。",
            "已对群租房完成整治，并将房屋纳入重点监管台账。",
        ],
    },
    {
        "item": "ZZ-025", "kind": "consultation", "urgency": "normal",
        "titles": ["房子出租要登记吗", "租房怎么办居住证", "有人上门登记租户信息"],
        "texts": [
            "我把房子租给外地人了，要不要去哪里登记，不登记会不会被罚？",
            "孩子要在这边上学，我租房住，居住证怎么办，要房东配合什么？",
            "来了个人说要登记我家租户的信息，他也没穿制服，不知道是不是真的",
        ],
        "resolutions": [
            "已转槐安派出所，告知出租房屋登记和居住证办理方式。",
            "派出所民警已上门办理居住登记。",
        ],
    },
    {
        "item": "ZZ-026", "kind": "report", "urgency": "normal",
        "titles": ["小仓库堆满油漆", "饭馆液化气罐露天放", "居民区里有小加工厂"],
        "texts": [
            "{road}有个小仓库里堆满了油漆和纸箱，旁边就是居民楼，里面的人还抽烟。",
            "楼下小饭馆用好几个液化气罐，就放在后门露天，夏天晒得发烫。",
            "有个小加工厂开在居民区里，机器一天到晚响，电线到处乱拉",
        ],
        "resolutions": [
            "区应急管理局会同街道开展检查，责令清除易燃物品。",
            "督促商户改用管道燃气，消除安全隐患。",
        ],
    },
    {
        "item": "ZZ-027", "kind": "help", "urgency": "urgent",
        "titles": ["暴雨积水进屋了", "平房院子被淹", "汛期沙袋准备了吗"],
        "texts": [
            "昨晚那场大雨，我们平房院子里积水到膝盖，水都倒灌进屋了，老人在家里吓坏了。",
            "{building}一楼每次下大雨都往屋里倒灌，家具都泡坏好几回了。",
            "马上汛期了，我们这片是低洼地，社区准备沙袋和抽水泵了吗",
        ],
        "resolutions": [
            "社区组织人员转移老人，调用抽水泵排水。",
            "已在低洼院落预置沙袋，汛期专人值守。",
        ],
    },
    {
        "item": "ZZ-028", "kind": "consultation", "urgency": "normal",
        "titles": ["应急避难场所在哪", "社区发应急包吗", "避难场所改成停车场"],
        "texts": [
            "前几天有地震的感觉，想问问我们这附近的应急避难场所在哪儿？",
            "听说社区给居民发家庭应急包，我们家老人多，能不能领一个？",
            "标着应急避难场所的那片空地，现在被改成收费停车场了，这合适吗",
        ],
        "resolutions": [
            "已告知最近的避难场所位置并发放宣传材料。",
            "区应急管理局核查避难场所使用情况，恢复应急功能。",
        ],
    },
    {
        "item": "ZZ-029", "kind": "help", "urgency": "urgent",
        "titles": ["老人被骗买保健品", "接到冒充公检法电话", "我爸银行卡钱没了", "门口免费领鸡蛋要扫码"],
        "texts": [
            "我妈天天去{place}那个小门店听课，领了鸡蛋，还花了两万多买了保健品，说能治百病，劝都劝不住。",
            "刚才接到个电话说我涉嫌洗钱，让我把钱转到安全账户，我没转，想问问这是不是骗子？",
            "我爸在手机上点了个链接，说是领养老金补贴，银行卡里的钱没了。",
            "有人在小区门口摆摊免费领东西，要扫码进群，好多老人都去了",
        ],
        "resolutions": [
            "已协助报警，派出所对该门店进行调查，社区开展反诈宣传。",
            "民警上门开展反诈提醒，帮助老人安装反诈应用。",
        ],
    },
    {
        "item": "ZZ-030", "kind": "help", "urgency": "urgent",
        "titles": ["邻居犯病砸东西", "楼里有人精神不正常", "精神障碍患者没人看管"],
        "texts": [
            "{building}有个小伙子精神有问题，最近又犯病了，半夜在楼道里大喊大叫，还砸邻居家的门。",
            "楼里有位老太太精神不太正常，老往别人家门上泼水，家里人也不管。",
            "他家就一个七十多岁的老母亲看着，根本看不住，我们很担心出事",
        ],
        "resolutions": [
            "社区协调家属和社区卫生服务中心送医治疗，纳入关爱帮扶。",
            "会同派出所、精防医生上门评估，落实监护责任。",
        ],
    },
    {
        "item": "ZZ-031", "kind": "consultation", "urgency": "normal",
        "titles": ["社区矫正去哪报到", "缓刑人员外出请假", "矫正报到和上班冲突"],
        "texts": [
            "我儿子判了缓刑，法院让他去社区矫正机构报到，是去街道还是去司法所？",
            "家里人在社区矫正期间想去外地医院看病，要找谁请假批准？",
            "社区矫正是每周都要去报到吗，他刚找到工作，请不了那么多假",
        ],
        "resolutions": [
            "已转区司法局，告知报到地点和请假审批流程。",
            "司法所工作人员电话联系家属，说明矫正规定。",
        ],
    },
    {
        "item": "ZZ-032", "kind": "complaint", "urgency": "urgent",
        "titles": ["半夜有人放鞭炮", "小区里有人放烟花", "禁放区还有人卖鞭炮"],
        "texts": [
            "都半夜一点了，楼下还有人放二踢脚，孩子被吓醒哭了半天。",
            "小区里有人放烟花，烟花落到楼上阳台，差点把晾的衣服点着了。",
            "{road}有个小卖部过年前偷偷卖鞭炮，这片不是禁放区吗？",
        ],
        "resolutions": [
            "已转区公安分局，民警出警制止燃放行为。",
            "对非法销售烟花爆竹的商户依法查处。",
        ],
    },
    {
        "item": "ZZ-033", "kind": "suggestion", "urgency": "normal",
        "titles": ["学校门口接送太堵", "校门口没有斑马线", "建议设护学岗"],
        "texts": [
            "每天放学的时候小学门口堵得水泄不通，家长车乱停，孩子从车缝里钻来钻去太危险。",
            "学校门口那条路没有斑马线也没有红绿灯，孩子过马路全靠跑。",
            "建议学校错峰放学，门口设个护学岗，再派个交警指挥一下车辆",
        ],
        "resolutions": [
            "区教委协调学校错峰放学，交警设置护学岗。",
            "已在校门口施划斑马线并设置减速带。",
        ],
    },
    {
        "item": "ZZ-034", "kind": "report", "urgency": "normal",
        "titles": ["路口红绿灯坏了", "建议装个减速带", "斑马线磨没了"],
        "texts": [
            "{road}路口的红绿灯坏了{days}了，一直闪黄灯，早高峰乱成一团。",
            "小区门口那条路车速太快，建议装个减速带，前两天刚撞了人。",
            "学校门口斑马线的漆都磨没了，司机根本不减速也不让行人",
        ],
        "resolutions": [
            "已转区公安交通支队，修复信号灯故障。",
            "交管部门评估后在小区门口设置减速带和警示标志。",
        ],
    },
    {
        "item": "ZZ-035", "kind": "complaint", "urgency": "normal",
        "titles": ["商户门前堆货占道", "店铺门口脏乱", "{shop}门前乱堆杂物"],
        "texts": [
            "{shop}把啤酒箱、煤气罐全堆在门口人行道上，走路都得绕。",
            "几家店门前的垃圾没人扫，汤汤水水的，夏天苍蝇乱飞。",
            "那家修车的把客人的车都停在人行道上修，地上全是黑机油",
        ],
        "resolutions": [
            "街道综合行政执法队督促商户落实门前三包责任。",
            "对屡教不改的商户依法处罚，安排日常巡查。",
        ],
    },
    {
        "item": "ZZ-036", "kind": "complaint", "urgency": "normal",
        "titles": ["楼道里贴满小广告", "单元门上喷涂电话", "小广告清了又贴"],
        "texts": [
            "{building}楼道里从一楼到六楼贴满了开锁、通下水的小广告，墙都看不出原来的颜色了。",
            "单元门口被人用油漆喷了好几个办证电话号码，洗都洗不掉。",
            "前几天刚清完，第二天又贴满了，能不能抓一抓贴广告的",
        ],
        "resolutions": [
            "社区组织志愿者清理楼道小广告，粉刷喷涂墙面。",
            "对小广告中的电话号码提请停机处理。",
        ],
    },
    {
        "item": "ZZ-037", "kind": "complaint", "urgency": "normal",
        "titles": ["网格员电话打不通", "不知道网格员是谁", "网格员拍完照没下文"],
        "texts": [
            "贴在单元门口的网格员电话打了好几次都没人接，有事找谁？",
            "搬来两年了都不知道我们这片的网格员是谁，能不能公布一下？",
            "上个月网格员来看过楼道漏水的事，拍了照说上报，之后就没消息了",
        ],
        "resolutions": [
            "已更新网格员公示牌和联系方式，网格员上门回访。",
            "网格员跟进上报事项办理进度，问题已解决。",
        ],
    },
    {
        "item": "ZZ-038", "kind": "report", "urgency": "urgent",
        "titles": ["邻居家男的打老婆", "隔壁孩子天天挨打", "遭受家暴求助"],
        "texts": [
            "楼上那户男的经常喝醉了打老婆，昨天夜里又听见砸东西、女的哭喊，我们很担心。",
            "隔壁孩子天天被打，哭得撕心裂肺的，我们不知道该不该报警。",
            "我老公一喝了酒就动手打人，我不敢回家，带着孩子能去哪里",
        ],
        "resolutions": [
            "民警及时出警，对施暴人出具告诫书，社区和妇联跟进关爱。",
            "协助当事人申请人身安全保护令，安排临时庇护。",
        ],
    },
    {
        "item": "ZZ-039", "kind": "report", "urgency": "normal",
        "titles": ["有人偷倒建筑垃圾", "渣土车撒一路", "空地被倒满渣土"],
        "texts": [
            "{place}旁边那块空地，晚上总有车来偷倒建筑垃圾，现在堆得跟小山一样。",
            "渣土车{time}拉着土跑，不盖篷布，一路撒，路上全是泥。",
            "有装修公司把砖头、水泥袋直接倒在路边绿地里，好好的草全压死了",
        ],
        "resolutions": [
            "已转区城管执法局，查处违法倾倒行为并清运。",
            "区城管执法局加强夜间巡查，安装监控。",
        ],
    },
    {
        "item": "ZZ-040", "kind": "report", "urgency": "normal",
        "titles": ["有人露天烧垃圾", "路口烧纸冒黑烟", "保洁就地烧树叶"],
        "texts": [
            "{place}有人在烧垃圾，黑烟滚滚，味道呛得人直流眼泪。",
            "每到节日就有人在路口烧纸，火星子乱飞，旁边就是车棚。",
            "保洁把落叶扫成一堆就地烧了，烟全飘进我家，呛得孩子直咳嗽",
        ],
        "resolutions": [
            "已转区城管执法局，现场制止焚烧行为并进行教育。",
            "在路口设置文明祭扫点，加强节日巡查。",
        ],
    },
    {
        "item": "ZZ-041", "kind": "complaint", "urgency": "normal",
        "titles": ["对面楼顶养鸽子", "阳台养鸡天天打鸣", "鸽子在空调外机做窝"],
        "texts": [
            "对面楼顶养了上百只鸽子，鸽粪落得我家窗台全是，衣服都不敢晾出去。",
            "邻居在阳台上养了几只鸡，每天凌晨四点就开始打鸣，吵得人睡不着。",
            "鸽子天天在我家空调外机上做窝，赶都赶不走，是楼上放飞的",
        ],
        "resolutions": [
            "社区上门劝导，养鸽户减少鸽子数量并定期清理。",
            "经调解，养鸡住户将鸡送回老家。",
        ],
    },
    {
        "item": "ZZ-042", "kind": "report", "urgency": "complex",
        "titles": ["有人推销高息理财", "老人投钱养老项目被骗", "举报非法集资"],
        "texts": [
            "小区里有人到处发传单，说投十万每个月返两千，好多老人都心动了。",
            "我爸把积蓄投进一个养老公寓项目，说好每年返利，现在公司找不到人了。",
            "{road}有家投资公司天天请老人吃饭、免费旅游，回来就劝人买理财",
        ],
        "resolutions": [
            "已报公安机关调查，社区开展防范非法集资宣传。",
            "区公安分局已立案，社区协助登记受损情况。",
        ],
    },
    {
        "item": "ZZ-044", "kind": "report", "urgency": "urgent",
        "titles": ["怀疑出租屋有人吸毒", "楼道角落有针头", "出租屋半夜人员杂乱"],
        "texts": [
            "对门出租屋经常半夜来一帮人，屋里有股怪味，人看着也不正常，怀疑在吸毒。",
            "在楼道角落捡到好几个针头和锡纸，孩子差点捡去玩，太吓人了。",
            "楼下出租屋里的人白天从不出门，一到晚上一堆人进进出出",
        ],
        "resolutions": [
            "已转区公安分局，民警核查并依法处理。",
            "公安机关已完成核查，社区开展禁毒宣传。",
        ],
    },
    {
        "item": "ZZ-045", "kind": "report", "urgency": "normal",
        "titles": ["居民楼里开黑诊所", "游医摆摊拔牙卖药", "小诊所输液后起疹子"],
        "texts": [
            "{building}一楼有个没牌子的诊所，天天有人去打吊瓶，不知道有没有资质。",
            "有个游医在{place}摆摊给人拔牙、卖药，说能包治百病，好多老人围着",
            "我妈在一个小诊所输液后浑身起疹子，后来发现那里根本没有执业证",
        ],
        "resolutions": [
            "已转区卫健委，卫生监督机构现场检查，依法取缔无证行医。",
            "区卫健委立案调查，社区开展安全就医宣传。",
        ],
    },
    {
        "item": "ZZ-046", "kind": "complaint", "urgency": "normal",
        "titles": ["汽修店喷漆味刺鼻", "修车店人行道上喷漆", "晚上有股化工怪味"],
        "texts": [
            "小区底商有家汽修店天天露天喷漆，那味道刺鼻得很，我家孩子闻了就头疼。",
            "修车店直接在人行道上喷漆，旁边停的车都溅上了漆点子。",
            "一到晚上就有股化工的怪味，不知道从哪飘来的，已经{days}了",
        ],
        "resolutions": [
            "已转区生态环境局，责令汽修店停止露天喷漆作业。",
            "区生态环境局开展异味溯源排查，对违规企业立案处罚。",
        ],
    },
    {
        "item": "ZZ-047", "kind": "complaint", "urgency": "normal",
        "titles": ["停车场乱收费", "穿马甲收停车费不给票", "医院门口停车太贵"],
        "texts": [
            "{road}那个停车场收费标准一天一个样，说好的一小时五块，结账收了二十。",
            "路边有人穿个马甲就收停车费，也不给票，这是合法的吗？",
            "带老人去医院看病，门口停车场停两个小时收了三十块，也不给发票",
        ],
        "resolutions": [
            "已转区交通委，对停车场收费备案情况进行检查。",
            "区交通委联合市场监管部门查处违规收费。",
        ],
    },
    # ── 公共服务 ──────────────────────────────────────────────
    {
        "item": "FW-001", "kind": "help", "urgency": "complex",
        "titles": ["申请低保咨询", "家里困难想吃低保", "低保申请没消息", "低保突然被停了"],
        "texts": [
            "我老伴去年瘫痪在床，我没工作，儿子在外地打零工，家里实在困难，能不能申请低保？",
            "申请低保的材料交上去{days}了，一直没消息，到底批了没有？",
            "我是残疾人，一个人过，每个月就靠几百块钱活着，听说可以吃低保，需要什么材料",
            "低保为什么突然把我停了，也没人通知，我家情况一点没变啊",
        ],
        "resolutions": [
            "社区入户核查家庭情况，协助提交低保申请，已受理。",
            "向居民解释审核流程和进度，低保已审批通过。",
        ],
    },
    {
        "item": "FW-002", "kind": "complaint", "urgency": "complex",
        "titles": ["低保核对说我有车", "低保核对收入超标", "核对结果有误要复核"],
        "texts": [
            "低保复核说我名下有辆车，那是我前夫的车，离婚好几年了，怎么能算我的？",
            "我女儿结婚了户口还没迁走，核对说家里收入超标，低保被停了。",
            "核对结果说我银行里有五万块，那是给老伴看病跟亲戚借来的钱",
        ],
        "resolutions": [
            "已转区民政局，重新开展家庭经济状况核对。",
            "区民政局核实后更正核对结果，恢复低保待遇。",
        ],
    },
    {
        "item": "FW-003", "kind": "help", "urgency": "urgent",
        "titles": ["家里突发变故求救助", "爱人住院没钱了", "家里失火生活困难"],
        "texts": [
            "我爱人突发脑溢血住院，一天就花一万多，家里积蓄都花光了，能不能申请临时救助？",
            "家里前几天着火了，东西都烧没了，一家人现在住亲戚家，求政府帮帮我们。",
            "我是外地来的，在这边打工突然得了病，现在连回家的路费都没有",
        ],
        "resolutions": [
            "民生保障办公室开通急难救助绿色通道，当日发放临时救助金。",
            "协调慈善资源和临时救助，帮助家庭渡过难关。",
        ],
    },
    {
        "item": "FW-004", "kind": "consultation", "urgency": "normal",
        "titles": ["满八十了补贴怎么领", "高龄津贴停发了", "外地户口老人能领补贴吗"],
        "texts": [
            "我母亲上个月满八十了，听说有高龄津贴，需要我们自己申请还是自动发？",
            "我爸的高龄补贴从三月份开始就没再到账了，银行卡没换，不知道怎么回事。",
            "我奶奶今年九十了，户口在外地，跟我们住，能在这边领补贴吗",
        ],
        "resolutions": [
            "已为老人办理高龄津贴申请，次月起发放。",
            "核查为卡号信息异常，已更新并补发停发月份津贴。",
        ],
    },
    {
        "item": "FW-005", "kind": "suggestion", "urgency": "normal",
        "titles": ["建议办老年餐桌", "独居老人吃饭难", "助餐点离得太远", "希望老年餐能送上门"],
        "texts": [
            "我们小区老人特别多，很多都是独居，自己做饭不方便，建议社区办个老年餐桌，价格实惠点。",
            "我爸一个人住，八十五了，每天就煮挂面对付，我上班离得远照顾不了，社区有没有送餐的？",
            "老年餐桌在{road}那边，离我们这儿要走二十分钟，冬天路滑老人根本去不了，能不能就近设个点？",
            "社区食堂的饭挺好吃，价钱也公道，就是周末不开，希望周末也能开",
        ],
        "resolutions": [
            "在社区新设老年助餐点，提供午餐和晚餐，行动不便老人可预约送餐。",
            "已协调助餐服务商开通送餐上门服务。",
        ],
    },
    {
        "item": "FW-005", "kind": "complaint", "urgency": "normal",
        "titles": ["老年餐太咸太硬", "助餐点饭菜涨价", "老年餐分量变少了"],
        "texts": [
            "老年餐桌的饭菜太咸太硬了，老人牙口不好嚼不动，能不能做软烂一点？",
            "助餐点一份饭从十二涨到十五了，也没提前说，老人一个月要多花不少钱。",
            "最近老年餐的分量明显少了，肉也少了，问了说是成本涨了",
        ],
        "resolutions": [
            "约谈助餐服务商，调整菜品口味并增加软食餐。",
            "助餐服务商公示价格和补贴标准，恢复原价。",
        ],
    },
    {
        "item": "FW-006", "kind": "complaint", "urgency": "normal",
        "titles": ["养老驿站服务不到位", "老人白天没人照看", "上门助浴要排一个月"],
        "texts": [
            "养老驿站挂着牌子，可平时就一个人看门，说好的助浴、理发都没有。",
            "我妈有点认知症，白天我们上班没人看，社区有没有日间照料的地方？",
            "想给卧床的老父亲预约上门助浴，驿站说要排一个月，等不起啊",
        ],
        "resolutions": [
            "区民政局督促驿站运营方落实服务项目。",
            "已为老人办理驿站日间照料服务。",
        ],
    },
    {
        "item": "FW-007", "kind": "help", "urgency": "urgent",
        "titles": ["独居老人好几天没露面", "联系不上独居的父亲", "请社区常去看看我妈", "独居老人病了没人管"],
        "texts": [
            "{building}{unit}的张奶奶一个人住，平时每天下楼遛弯，这三四天都没见她出门，敲门也没人应，很担心！",
            "我在外地工作，我爸一个人在家，打了一天电话都没人接，麻烦社区帮忙去看一眼。",
            "我妈今年82了，一个人住，我每周只能回来一次，能不能请社区平时多去看看她？",
            "楼上独居的老爷子好像病了，屋里一直咳嗽，也不出门买菜",
        ],
        "resolutions": [
            "社区网格员和民警上门查看，老人摔倒在家已送医，已通知家属。",
            "已将老人纳入独居老人巡访名单，每周上门探访并安装紧急呼叫设备。",
        ],
    },
    {
        "item": "FW-008", "kind": "consultation", "urgency": "normal",
        "titles": ["失能老人护理补贴", "能力评估等了很久", "评估等级不对想复评"],
        "texts": [
            "我母亲中风后一直卧床，听说失能老人有护理补贴，要做能力评估，去哪儿申请？",
            "能力评估申请交了{days}了，评估员一直没来，老人的补贴一直领不上。",
            "评估结果是中度失能，可我爸明明吃饭都得人喂，能申请复评吗",
        ],
        "resolutions": [
            "已转区民政局，安排评估机构上门评估。",
            "区民政局受理复评申请，重新评估等级。",
        ],
    },
    {
        "item": "FW-009", "kind": "consultation", "urgency": "normal",
        "titles": ["办残疾证怎么弄", "残疾人补贴没到账", "残疾证到期换证"],
        "texts": [
            "我儿子有自闭症，医生说可以办残疾证，要去哪儿鉴定，需要带什么？",
            "我爱人是肢体二级残疾，重度残疾人护理补贴这几个月没到账了。",
            "残疾证快到期了，我腿脚不方便出远门，能不能在社区就把换证办了",
        ],
        "resolutions": [
            "已协助居民向区残联提交申请，预约评残鉴定。",
            "区残联核实补贴发放情况，已补发。",
        ],
    },
    {
        "item": "FW-010", "kind": "help", "urgency": "normal",
        "titles": ["想申请一辆轮椅", "助听器怎么申请", "辅具申请了没人通知"],
        "texts": [
            "我爸腿脚不行了，家里买不起好轮椅，听说残疾人可以免费申请，怎么弄？",
            "我妈听力不好，有听力残疾证，能不能免费申请个助听器？",
            "轮椅的辅具申请交上去都{days}了，一直也没人通知我们去哪儿领",
        ],
        "resolutions": [
            "已转区残联，指导申请辅具适配。",
            "区残联已安排辅具上门配送。",
        ],
    },
    {
        "item": "FW-011", "kind": "help", "urgency": "complex",
        "titles": ["残疾孩子托养咨询", "重度残疾人托养补贴", "父母老了孩子谁照顾"],
        "texts": [
            "我家孩子智力残疾，二十多岁了，我们老两口年纪大了照顾不动，有没有托养的地方？",
            "听说重度残疾人居家托养有补贴，我们家符合吗，怎么申请？",
            "有没有白天送到托养机构、晚上再接回家的那种，附近有吗？",
        ],
        "resolutions": [
            "已协助家庭申请居家托养服务补贴。",
            "联系区残联为其推荐日间托养机构。",
        ],
    },
    {
        "item": "FW-012", "kind": "consultation", "urgency": "normal",
        "titles": ["居民养老保险怎么交", "没上过班能交养老保险吗", "缴费档次怎么选"],
        "texts": [
            "我一直在家带孩子没上过班，现在四十多了，能不能交个城乡居民养老保险？",
            "居民养老保险缴费档次有哪些，交哪个档合适，到六十岁能领多少？",
            "今年的居民养老保险在哪交，我去年是在社区交的，今年社区说不收了",
        ],
        "resolutions": [
            "已告知参保条件和缴费渠道，协助居民完成参保登记。",
            "向居民说明缴费档次和待遇计算方式。",
        ],
    },
    {
        "item": "FW-013", "kind": "consultation", "urgency": "normal",
        "titles": ["单位倒闭退休手续找谁", "养老金算得不对", "社保断缴能补吗"],
        "texts": [
            "我下个月就到退休年龄了，单位倒闭了，档案在人才中心，退休手续找谁办？",
            "我退休金算下来比同事少了好几百，工龄差不多，觉得算得不对，想查一查。",
            "前几年做生意断交了三年社保，现在还能补吗，补的话怎么算钱",
        ],
        "resolutions": [
            "已转区人社局，告知退休申报流程和材料。",
            "区人社局复核养老金计算明细并答复。",
        ],
    },
    {
        "item": "FW-014", "kind": "consultation", "urgency": "normal",
        "titles": ["养老金认证去哪儿办", "老人刷脸认证不会弄", "今年社区还组织认证吗"],
        "texts": [
            "往年社区都组织养老金认证，今年怎么没通知了，不认证会不会停发？",
            "我妈不会用手机刷脸认证，以前都是社区帮忙弄，今年找谁？",
            "听邻居说养老金认证今年不用去社区了，是真的吗，别到时候停发了",
        ],
        "resolutions": [
            "已向居民说明集中认证已取消，改为大数据比对认证，无需本人操作。",
            "协助老人查询认证状态，显示已自动认证。",
        ],
    },
    {
        "item": "FW-015", "kind": "consultation", "urgency": "normal",
        "titles": ["新生儿医保怎么办", "居民医保手机上交不了", "医保卡丢了怎么补"],
        "texts": [
            "孙子刚出生半个月，新生儿医保怎么办，要带什么，在哪里交费？",
            "今年居民医保缴费截止到什么时候，我在手机上交不了。",
            "我妈医保卡丢了，下周还要去医院复查，着急用，能不能快点补",
        ],
        "resolutions": [
            "已指导居民在线办理新生儿参保。",
            "协助居民完成医保缴费和医保卡补办。",
        ],
    },
    {
        "item": "FW-016", "kind": "consultation", "urgency": "normal",
        "titles": ["异地就医备案怎么办", "住院报销比例咨询", "外地住院报销材料不全"],
        "texts": [
            "我要带孩子去北京看病，医保的异地就医备案怎么弄，能在手机上办吗？",
            "我爸住院花了八万多，报销下来才三万，想问问比例是怎么算的。",
            "在外地住院的票据回来报销，说材料不全，缺的那份医院又不给开",
        ],
        "resolutions": [
            "已转区医保局，指导完成异地就医备案。",
            "区医保局核算报销明细并答复居民。",
        ],
    },
    {
        "item": "FW-017", "kind": "help", "urgency": "complex",
        "titles": ["大病医疗救助申请", "看病花光了积蓄", "孩子药费扛不住了"],
        "texts": [
            "我老伴得了癌症，做化疗医保报完自己还得掏十几万，听说有医疗救助，怎么申请？",
            "家里是低保户，孩子住院医保报完了，自费部分能不能再报一点？",
            "家里孩子得了白血病，一个月药费就上万，我们实在扛不住了",
        ],
        "resolutions": [
            "已转区医保局，协助提交医疗救助申请。",
            "区医保局已审核并拨付医疗救助资金。",
        ],
    },
    {
        "item": "FW-018", "kind": "help", "urgency": "normal",
        "titles": ["失业了想找工作", "失业金在哪申请", "社区有招聘会吗", "夫妻都没工作"],
        "texts": [
            "公司裁员我失业了，四十五岁，不好找工作，社区能帮忙推荐吗？",
            "我之前单位交了好几年失业保险，现在被辞退了，失业金在哪申请？",
            "听说街道经常办招聘会，下一次是什么时候，都有什么岗位？",
            "我们家两口子都没工作，孩子还在上学，日子快过不下去了",
        ],
        "resolutions": [
            "为居民办理失业登记，推荐岗位三个，已成功入职。",
            "告知失业保险金线上申领流程，已办理。",
        ],
    },
    {
        "item": "FW-019", "kind": "consultation", "urgency": "normal",
        "titles": ["想报名技能培训", "就业困难人员认定", "想报名公益性岗位"],
        "texts": [
            "我想学个育婴师或者电工的手艺，政府有没有免费的培训班？",
            "我今年五十了，下岗好多年，能不能认定就业困难人员，安排个公益岗？",
            "听说社区有保洁、保安这种公益岗，我身体还行，想报个名",
        ],
        "resolutions": [
            "已为居民报名区人社局职业技能培训班。",
            "协助完成就业困难人员认定，安排公益性岗位。",
        ],
    },
    {
        "item": "FW-020", "kind": "help", "urgency": "complex",
        "titles": ["老板拖欠工资", "工地不给发工钱", "{shop}欠员工工资", "离职工资一直不结"],
        "texts": [
            "在{shop}干了三个月，老板一分钱工资没给，现在店也关了，人也找不着了。",
            "我们十几个人在{road}那个工地干活，包工头拖了半年工钱，过年都回不了家。",
            "公司说资金周转困难，已经两个月没发工资了，房贷都还不上了。",
            "离职的时候说好一周内结清工资，现在一个多月了，打电话就说再等等",
        ],
        "resolutions": [
            "已转区人社局劳动保障监察，督促用人单位支付拖欠工资。",
            "区人社局立案查处，工资已足额发放。",
        ],
    },
    {
        "item": "FW-021", "kind": "help", "urgency": "normal",
        "titles": ["被辞退不给补偿", "加班费一分没有", "老板不签劳动合同"],
        "texts": [
            "干了五年的公司突然让我走人，一分钱补偿都不给，说是我自己不干的。",
            "天天加班到晚上十点，周末也得去，加班费一分钱都没有。",
            "在饭店干了一年了，老板一直不签劳动合同，也不交社保",
        ],
        "resolutions": [
            "区人社局劳动争议调解组织调解，双方达成补偿协议。",
            "指导劳动者申请劳动仲裁。",
        ],
    },
    {
        "item": "FW-022", "kind": "consultation", "urgency": "complex",
        "titles": ["孩子上小学划片问题", "租房孩子能在这上学吗", "转学没学位怎么办", "租房合同备案去哪办"],
        "texts": [
            "我们在{road}买的房，当初说对口旁边的小学，现在划片改了，孩子要去三公里外上学，这合理吗？",
            "孩子明年上小学，我们是租房的，户口不在这里，需要什么材料才能在这边上学？",
            "工作调动过来了，孩子要从老家转学过来，学校说没学位，怎么办？",
            "入学信息采集说我们的租房合同不合格，要去备案，去哪儿备案",
        ],
        "resolutions": [
            "已转区教委，答复入学政策和划片依据。",
            "区教委协调安排学位，孩子已入学。",
        ],
    },
    {
        "item": "FW-023", "kind": "help", "urgency": "normal",
        "titles": ["附近公办幼儿园报满了", "一岁半孩子没人带", "幼儿园报名系统进不去"],
        "texts": [
            "孩子三岁了，附近的公办幼儿园都报满了，私立的一个月三四千，实在负担不起。",
            "社区附近有没有普惠性的托育点，一岁半的孩子白天没人带。",
            "幼儿园网上报名系统一直进不去，眼看就要截止了，急死人",
        ],
        "resolutions": [
            "区教委协调普惠性幼儿园学位。",
            "已告知辖区普惠托育机构名单。",
        ],
    },
    {
        "item": "FW-024", "kind": "consultation", "urgency": "normal",
        "titles": ["孩子疫苗约不上", "晚上哪里能打狂犬疫苗", "老人流感疫苗免费吗", "接种点搬哪去了"],
        "texts": [
            "孩子该打疫苗了，在手机上约了一个星期都约不上，社区卫生服务中心说名额满了。",
            "刚才被楼下的流浪猫抓了一下，这么晚了哪里能打狂犬疫苗？",
            "听说六十岁以上老人打流感疫苗免费，在哪儿打，要预约吗？",
            "原来的预防接种门诊关了，新的搬到哪儿了，也没贴个通知",
        ],
        "resolutions": [
            "已转区卫健委，协调增加接种号源。",
            "区卫健委告知就近犬伤门诊及流感疫苗接种点。",
        ],
    },
    {
        "item": "FW-025", "kind": "help", "urgency": "normal",
        "titles": ["家庭医生签约咨询", "家庭医生联系不上", "卧床老人想医生上门"],
        "texts": [
            "我爸有高血压糖尿病，每个月都得去医院开药，签约家庭医生是不是能方便点？",
            "签了家庭医生，可电话打过去从来没人接，签了跟没签一样。",
            "我妈中风后卧床不起，去不了医院，签约的家庭医生能上门看吗",
        ],
        "resolutions": [
            "协调社区卫生服务中心为老人签约家庭医生，提供长处方服务。",
            "家庭医生团队上门巡诊，公布联系方式。",
        ],
    },
    {
        "item": "FW-026", "kind": "help", "urgency": "normal",
        "titles": ["失独家庭扶助咨询", "独生子女奖励没领到", "特殊家庭扶助金没发"],
        "texts": [
            "我们唯一的孩子前年走了，老两口孤零零的，听说失独家庭有扶助金，找谁申请？",
            "我有独生子女证，退休的时候单位没给独生子女奖励，现在还能领吗？",
            "我们是计生特殊家庭，扶助金往年都按时到，今年到现在还没到账",
        ],
        "resolutions": [
            "已转区卫健委，受理扶助金申请。",
            "区卫健委核实后补发扶助金，社区安排志愿者定期探访。",
        ],
    },
    {
        "item": "FW-027", "kind": "consultation", "urgency": "normal",
        "titles": ["生育登记怎么办", "育儿补贴怎么领", "生二胎要办什么证"],
        "texts": [
            "怀孕了要做生育登记，是不是在手机上就能弄，社区还用去吗？",
            "听说现在生孩子有育儿补贴，每年能领多少钱，要怎么领？",
            "我们准备要二胎，现在还要不要去社区办什么证，需要带啥材料",
        ],
        "resolutions": [
            "已转区卫健委，告知网上生育登记方式。",
            "区卫健委答复育儿补贴发放标准和申领流程。",
        ],
    },
    {
        "item": "FW-028", "kind": "help", "urgency": "normal",
        "titles": ["光荣牌没挂上", "退役军人优待证办理", "抗美援朝老兵生活困难"],
        "texts": [
            "我是退伍军人，邻居家都挂了光荣牌，我家怎么一直没有？",
            "我退伍十多年了，退役军人优待证怎么申请，办了有什么优待？",
            "楼里有位抗美援朝老兵，九十多岁了，生活挺困难，希望组织关心一下",
        ],
        "resolutions": [
            "退役军人服务站核实信息后上门悬挂光荣牌。",
            "为老兵申请帮扶，服务站定期走访。",
        ],
    },
    {
        "item": "FW-029", "kind": "consultation", "urgency": "normal",
        "titles": ["伤残抚恤金调整没到账", "烈士家属优待政策", "带病回乡退伍军人补助"],
        "texts": [
            "我父亲是二等伤残军人，今年抚恤金标准调了，可到账的还是原来的数。",
            "我爷爷是烈士，牺牲在朝鲜，我们家属现在有什么优待政策？",
            "我父亲是带病回乡的退伍军人，听说有定期补助，怎么申请？",
        ],
        "resolutions": [
            "区退役军人事务局核实后补发差额。",
            "已告知烈属优待政策及申请渠道。",
        ],
    },
    {
        "item": "FW-030", "kind": "report", "urgency": "normal",
        "titles": ["健身器材坏了", "小区健身器材太少", "建议修个篮球场"],
        "texts": [
            "小广场的健身器材有一个转盘断了，铁茬子露在外面，孩子在上面玩很危险。",
            "小区里就两三件健身器材，还坏了一件，老人早上锻炼都得排队。",
            "周边年轻人越来越多，建议把锅炉房拆了以后那块空地修个篮球场",
        ],
        "resolutions": [
            "区体育局安排维修损坏器材，拆除无法修复的器材并补装。",
            "已将新建健身设施纳入年度计划。",
        ],
    },
    {
        "item": "FW-031", "kind": "suggestion", "urgency": "normal",
        "titles": ["社区图书室书太旧", "夏天还有露天电影吗", "图书室晚上能开吗"],
        "texts": [
            "社区图书室的书都是十年前的，能不能更新一批，孩子们想看新书。",
            "以前每年夏天社区都放露天电影，老人孩子都爱看，现在还有吗",
            "建议社区图书室晚上也开放两个小时，我们白天上班根本去不了",
        ],
        "resolutions": [
            "区文旅局配送新书，图书室开通通借通还。",
            "已安排夏季露天电影进社区。",
        ],
    },
    {
        "item": "FW-032", "kind": "complaint", "urgency": "normal",
        "titles": ["社区医院医生态度差", "社区医院老缺药", "社区卫生站排队太久"],
        "texts": [
            "去社区卫生服务中心开药，医生爱答不理的，问两句就不耐烦。",
            "我爸常吃的降压药社区医院老是没有，每次都得跑大医院。",
            "社区卫生站就一个医生，早上量个血压开个药要排一个多小时",
        ],
        "resolutions": [
            "已转区卫健委，约谈涉事医生并改进服务。",
            "区卫健委协调增加常用药品配备。",
        ],
    },
    {
        "item": "FW-033", "kind": "suggestion", "urgency": "normal",
        "titles": ["建议增加公交站点", "公交车班次太少", "公交站没有候车亭"],
        "texts": [
            "我们小区几千户人，最近的公交站要走一公里，建议在{road}加个站。",
            "小区门口那路公交车四十分钟才来一趟，早上上班根本等不起。",
            "公交站连个候车亭都没有，下雨天老人只能打着伞站在路边等车",
        ],
        "resolutions": [
            "区交通委研究调整线路，已增设站点。",
            "已协调公交公司加密早晚高峰班次。",
        ],
    },
    {
        "item": "FW-034", "kind": "complaint", "urgency": "normal",
        "titles": ["小区里搭灵棚办丧事", "办丧事吹打扰民", "咨询殡葬费用减免"],
        "texts": [
            "楼下有户人家在小区空地上搭灵棚，吹吹打打好几天了，晚上也不停。",
            "办丧事的在路边烧纸放炮，灵车和花圈还占了半条路，车都过不去。",
            "家里老人刚走，听说有基本殡葬服务费减免，要怎么申请，找谁？",
        ],
        "resolutions": [
            "社区上门劝导，引导丧户文明治丧。",
            "已告知殡葬惠民政策和申请材料。",
        ],
    },
    {
        "item": "FW-035", "kind": "help", "urgency": "complex",
        "titles": ["孩子父母都不在身边", "邻居孩子没人管", "外孙没了爹妈想申请补助"],
        "texts": [
            "楼下有个十来岁的孩子，爸爸坐牢妈妈走了，跟着七十多岁的奶奶过，经常吃不上饭。",
            "邻居家孩子才八九岁，天天一个人在家，晚上很晚了还在外面晃。",
            "我外孙的父母都不在了，我这个当姥姥的带着他，听说有补助",
        ],
        "resolutions": [
            "儿童主任上门走访，协助申请困境儿童保障。",
            "区民政局已将孩子纳入保障，社区定期探访。",
        ],
    },
    {
        "item": "FW-036", "kind": "consultation", "urgency": "normal",
        "titles": ["想捐旧衣服棉被", "企业想给老人捐米面", "慈善超市在哪"],
        "texts": [
            "家里有些九成新的衣服和棉被，想捐给有需要的人，社区收吗？",
            "我们公司想给社区困难老人捐点米面油，应该联系谁，怎么对接？",
            "听说社区有慈善超市，困难家庭可以拿积分去换东西，在哪儿？",
        ],
        "resolutions": [
            "已登记捐赠物资，转赠社区困难家庭。",
            "告知慈善超市地址和开放时间。",
        ],
    },
    {
        "item": "FW-037", "kind": "consultation", "urgency": "normal",
        "titles": ["老年卡怎么办", "老年卡刷公交无效", "养老助残卡丢了"],
        "texts": [
            "我妈刚满六十五，能免费坐公交的那个老年卡去哪儿办？",
            "我爸的老年卡刷公交车显示无效，上个月还好好的，也没丢过。",
            "我爸的养老助残卡不知道丢哪儿了，里面还有好几百补贴的钱",
        ],
        "resolutions": [
            "已转区民政局，告知老年卡线上申办方式。",
            "区民政局协助挂失补办，余额已转入新卡。",
        ],
    },
    {
        "item": "FW-038", "kind": "help", "urgency": "normal",
        "titles": ["卫生间想装扶手", "门槛太高轮椅进不去", "适老化改造没人来评估"],
        "texts": [
            "我爸在卫生间摔了两次了，想装个扶手、铺防滑垫，听说政府有补贴？",
            "家里老人坐轮椅，门槛太高进不去，能不能帮着改一改？",
            "居家适老化改造都报名{days}了，一直没人上门评估，是不是漏了",
        ],
        "resolutions": [
            "区民政局安排服务商上门评估并完成改造。",
            "已纳入居家适老化改造名单。",
        ],
    },
    {
        "item": "FW-039", "kind": "complaint", "urgency": "normal",
        "titles": ["小区老鼠成群", "楼道蟑螂太多", "绿化带蚊子多要消杀", "垃圾站老鼠乱窜"],
        "texts": [
            "晚上{place}老鼠成群结队地跑，大的跟小猫一样，孩子都不敢出门。",
            "{building}楼道里蟑螂到处爬，都爬到家里来了，能不能统一消杀一下？",
            "楼前绿化带里蚊子特别多，晚上在外面坐一会儿腿上全是包",
        ],
        "resolutions": [
            "协调消杀单位投放鼠药和粘鼠板，开展灭蟑。",
            "对绿化带和下水井开展灭蚊消杀。",
        ],
    },
    {
        "item": "FW-040", "kind": "consultation", "urgency": "normal",
        "titles": ["灵活就业社保补贴", "首次创业补贴申请", "补贴申请被驳回"],
        "texts": [
            "我是灵活就业人员，自己交社保，听说就业困难的可以领补贴，怎么申请？",
            "我刚开了个小店，听说首次创业有补贴，要什么条件，去哪申请？",
            "社保补贴申请被驳回了，说材料不合格，也没说哪里不合格",
        ],
        "resolutions": [
            "已转区人社局，答复补贴政策和申请条件。",
            "区人社局重新审核，补贴已发放。",
        ],
    },
    {
        "item": "FW-041", "kind": "report", "urgency": "normal",
        "titles": ["网吧让初中生上网", "孩子在网吧通宵", "游戏厅里都是小学生"],
        "texts": [
            "{road}那家网吧里全是初中生，我家孩子逃课就在那里，网吧根本不查身份证。",
            "孩子一夜没回家，找了一圈在网吧找到的，网吧也不管。",
            "小区门口新开了个游戏厅，一放学就有一群小学生在里面玩",
        ],
        "resolutions": [
            "已转区文旅局，对网吧开展检查并依法处罚。",
            "区文旅局会同公安开展专项检查。",
        ],
    },
    {
        "item": "FW-042", "kind": "complaint", "urgency": "normal",
        "titles": ["培训机构关门不退费", "居民楼里办补习班", "培训班暑假违规集训"],
        "texts": [
            "孩子报了一年的英语班，上了两个月机构就关门了，学费一万多退不回来。",
            "{building}有户人家在家里办补习班，一屋子二三十个孩子，楼道里吵吵嚷嚷。",
            "培训机构在朋友圈发暑假集训班广告，这种是不是违规的",
        ],
        "resolutions": [
            "已转区教委，会同市场监管部门督促退费。",
            "区教委对违规办学点进行查处。",
        ],
    },
    {
        "item": "FW-043", "kind": "complaint", "urgency": "normal",
        "titles": ["饭馆里有人抽烟", "电梯里有人吸烟", "医院楼梯间有人抽烟"],
        "texts": [
            "在{shop}吃饭，旁边桌一直抽烟，服务员也不管，孩子被呛得直咳嗽。",
            "{building}电梯里天天有烟味，有人在电梯里抽烟，烟头还扔在角落。",
            "医院门诊楼里还有人躲在楼梯间抽烟，满楼道都是烟味，也没人管",
        ],
        "resolutions": [
            "已转区卫健委，对餐饮场所控烟情况进行检查。",
            "区卫健委督促场所设置禁烟标识，加强劝阻。",
        ],
    },
    # ── 综合保障 ──────────────────────────────────────────────
    {
        "item": "BZ-002", "kind": "consultation", "urgency": "normal",
        "titles": ["申请公开改造资金", "想看拆违依据文件", "补贴名单在哪儿查"],
        "texts": [
            "我们小区老旧小区改造花了多少钱，资金明细能不能公开？我想申请信息公开。",
            "我家院里的棚子被拆了，拆违的依据是什么文件，我想看一看",
            "街道发放高龄补贴、困难补助的名单在哪儿能查到，有公示吗？",
        ],
        "resolutions": [
            "已受理信息公开申请，在法定期限内答复。",
            "告知居民公开信息查阅渠道。",
        ],
    },
    {
        "item": "BZ-003", "kind": "suggestion", "urgency": "normal",
        "titles": ["想给人大代表反映问题", "代表接待日是哪天", "给代表提的建议没下文"],
        "texts": [
            "我们这片的人大代表是谁，我有个建议想通过代表往上反映。",
            "人大代表接待居民的日子是哪天，我想当面说说小区的问题。",
            "去年我提的建议说已经转给人大代表了，后来就没下文了，怎么样了",
        ],
        "resolutions": [
            "已告知代表联络站接待安排，居民已与代表面谈。",
            "代表建议已转相关部门办理并答复。",
        ],
    },
    {
        "item": "BZ-004", "kind": "help", "urgency": "normal",
        "titles": ["办退休要查老档案", "查找当年知青档案", "人在外地能查档吗"],
        "texts": [
            "我要办退休，需要查当年在街道办的小厂上班的档案，能查到吗？",
            "我父亲当年下乡的知青档案找不到了，听说在街道有存档，能查吗",
            "查档案需要本人去吗，我现在在外地工作，能不能委托家里人去",
        ],
        "resolutions": [
            "已协助查询档案并出具复印件。",
            "告知查档流程，可委托他人办理。",
        ],
    },
    {
        "item": "BZ-006", "kind": "complaint", "urgency": "normal",
        "titles": ["办事大厅排队太久", "跑了三趟还缺材料", "大厅中午不办公", "窗口人员玩手机"],
        "texts": [
            "去街道政务服务中心办事，排了两个小时队，就开了两个窗口，其他窗口都空着。",
            "来回跑了三趟了，每次都说缺材料，就不能一次性告诉我缺什么吗？",
            "中午十二点到一点半大厅不办事，上班族根本没时间来。",
            "窗口工作人员一边玩手机一边给我办，我多问了两句就不耐烦了",
        ],
        "resolutions": [
            "政务服务中心增开窗口，推行一次性告知和中午延时服务。",
            "对窗口工作人员进行批评教育，加强服务培训。",
        ],
    },
    {
        "item": "BZ-007", "kind": "help", "urgency": "normal",
        "titles": ["小程序提交后没反应", "码上办登录失败", "不会用小程序能打电话吗"],
        "texts": [
            "网格员让我用小程序反映问题，可我提交了以后一直显示处理中，也没人联系我。",
            "码上办小程序登录老是提示失败，换了手机也不行，反映不了问题。",
            "我七十多了，不会用手机那些东西，能不能直接打电话反映问题",
        ],
        "resolutions": [
            "已修复小程序提交故障，诉求已转派处理。",
            "网格员上门指导居民使用，并告知电话反映渠道。",
        ],
    },
    {
        "item": "BZ-008", "kind": "complaint", "urgency": "normal",
        "titles": ["工作人员推诿扯皮", "居委会办事拖拉", "网格员说话太冲"],
        "texts": [
            "去居委会办事，说要找的人不在，让我明天来，第二天又说去开会了，来回跑了三次。",
            "网格员上门登记的时候说话特别冲，好像我们欠他的一样。",
            "反映的问题这个科推那个科，跑了一上午，谁也不管，太气人了",
        ],
        "resolutions": [
            "街道纪工委核实后对相关人员批评教育，并向居民致歉。",
            "已明确首问负责，问题由专人跟进。",
        ],
    },
    {
        "item": "BZ-009", "kind": "consultation", "urgency": "normal",
        "titles": ["孩子想参军去哪报名", "大学生入伍政策", "近视能不能当兵"],
        "texts": [
            "我儿子今年高中毕业，想当兵，去哪儿报名，体检什么时候？",
            "我女儿在读大二，大学生入伍有什么优惠政策，学费能补偿吗？",
            "孩子近视四百度，做过激光手术的话还能参军吗，体检标准是啥",
        ],
        "resolutions": [
            "已告知网上报名流程和体检时间。",
            "区人武部答复大学生入伍政策。",
        ],
    },
]

SLOTS: dict[str, list[str]] = {
    "building": [
        "1号楼", "3号楼", "4号楼", "5号楼", "6号楼", "8号楼", "12号楼", "14号楼", "16号楼", "19号楼",
        "21号楼", "甲2号楼", "老27号楼", "2栋", "7栋", "9栋", "11栋",
    ],
    "unit": ["1单元", "2单元", "3单元", "4单元", "5单元", "6单元"],
    "road": [
        "槐安路", "杏园北街", "西仓胡同", "清水河东路", "棉纺路", "长乐街", "建设南路", "振兴路",
        "和平里二巷", "光明街", "安康路", "东仓大街", "纺织厂南路", "育才路",
    ],
    "place": [
        "小区东门", "小区北门", "菜市场门口", "地下通道", "垃圾站旁边", "小广场", "公交站台",
        "幼儿园门口", "地库入口", "自行车棚旁边", "社区卫生站对面", "铁路桥底下", "中心花园",
        "超市后门", "健身器材旁边", "锅炉房边上",
    ],
    "shop": [
        "老王烧烤", "川味小厨", "张记包子铺", "福满楼饭庄", "小杨麻辣烫", "鑫源快餐", "好邻居家常菜",
        "东北大骨头馆", "李姐饺子馆", "红姐火锅", "老地方烤串", "兰州牛肉面", "聚鲜海鲜大排档",
        "德顺熟食店",
    ],
    "time": [
        "每天晚上十点以后", "凌晨两三点", "一大早五点多", "中午午休的时候", "晚上七点到九点",
        "半夜十二点多", "周末一整天", "每天傍晚", "早上六点", "夜里一两点",
    ],
    "days": [
        "一个星期", "半个多月", "三天", "两个多月", "一个多月",
        "好几天", "十来天", "大半年", "两天", "四五天",
    ],
}

SURNAMES: list[str] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
    "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "曹",
    "许", "邓", "袁", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏",
    "薛", "叶", "阎", "潘", "杜", "戴", "夏", "钟", "田", "任", "姜", "范", "方", "石", "姚",
    "谭", "邹", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "秦", "史", "顾", "侯", "孟",
]

GIVEN_NAMES: list[str] = [
    "秀英", "桂英", "秀兰", "玉兰", "淑珍", "淑芬", "凤英", "丽", "静", "敏", "燕", "艳", "娟", "霞",
    "芳", "建国", "建军", "国强", "志强", "卫东", "红梅", "海燕", "春梅", "德明", "保国", "振华",
    "永庆", "玉珍", "国华", "文华", "桂芳", "金凤", "淑文", "春红", "立新", "红", "伟", "强", "磊",
    "军", "洋", "勇", "杰", "涛", "明", "超", "浩然", "子涵", "雨桐", "一诺", "欣怡", "梓轩", "思远",
    "佳怡", "宇航", "俊杰", "晓东", "晓燕", "丽娟", "建华", "秀珍", "凤兰", "铁柱", "德顺", "福生",
    "春生", "美玲", "慧", "婷", "鹏", "小龙", "桂兰",
]

RETURN_REASONS: list[str] = [
    "经核实属于区住建局职责，不属于本单位办理范围",
    "该事项已按事项清单收回区市场监管局，请改派",
    "诉求涉及供暖不热，属热力公司服务范围，建议转派",
    "反映地址不在本社区辖区，应由相邻社区办理",
    "属于物业服务合同约定的维修事项，应由物业服务企业处理",
    "涉及行政处罚，街道无此执法权限，请转区城管执法局",
    "油烟检测和执法已收回区生态环境局，本单位无法办理",
    "涉及治安管理，属公安机关管辖，请转槐安派出所",
    "工单缺少具体楼号和联系方式，无法定位问题，退回补充",
    "属于民事合同纠纷，已告知当事人通过诉讼途径解决，本单位无法办理",
    "欠薪查处属劳动保障监察职责，请转区人社局",
]

REJECT_REASONS: list[str] = [
    "重复来电，已合并办理",
    "诉求内容不清，多次联系未果",
    "反映人主动撤回诉求",
    "咨询类诉求已当场答复，无需派单",
    "测试工单，作废处理",
    "无实际诉求内容，属无效来电",
]

CALLBACK_COMMENTS: dict[str, list[str]] = {
    "satisfied": [
        "第二天就来人修好了，挺快的，谢谢你们",
        "网格员小李跑了好几趟，真是辛苦了，满意",
        "问题解决了，没想到这么快",
        "椅子装上了，我妈上楼能歇脚了，特别好",
        "态度挺好，办完还给我回了电话，满意",
        "总算清干净了，希望以后能保持住",
    ],
    "basically": [
        "修是修了，就是拖得有点久",
        "基本解决了，不过晚上偶尔还是有点吵",
        "处理了，但是事先没跟我说一声",
        "暂时好了，不知道过段时间会不会又反弹",
        "来人看过了，说要等配件，先凑合着用",
        "比以前好多了，还有点小毛病",
    ],
    "unsatisfied": [
        "根本没人来，电话里就说办结了，这不是糊弄人吗",
        "说转给区里了，到现在也没人联系我",
        "一点变化都没有，还是老样子",
        "让我自己去找物业，那我打你们电话干什么",
        "来了拍张照就走了，问题还在那儿",
        "推来推去，谁都不管",
    ],
}
