"""The one vocabulary: every code xinsheng stores, with the Chinese label the screens show and an English name.

Each code is declared here once, as a member of a `Code` enum whose value is exactly what the database holds (no
migration ever renamed one), so `Status.IN_PROGRESS == "in_progress"` and rows read back compare equal to members.
The tuples and label maps below the enums are views of them, named for how the rest of the code asks: the read side
(reports, exports, the catalog browser) takes labels from here instead of importing the workflow that writes them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Code(StrEnum):
    """A stored code with its Chinese `label` and English `english` name (tui/strings_en.py falls back to it)."""

    label: str
    english: str

    def __new__(cls, value: str, label: str, english: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.english = english
        return member

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {member.value: member.label for member in cls}

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)

    @classmethod
    def label_of(cls, code: str | None, default: str = "") -> str:
        """The label of a stored code; an unknown code (from an older or foreign database) shows as itself."""
        if not code:
            return default
        member = cls._value2member_map_.get(code)
        return member.label if isinstance(member, Code) else code


class Status(Code):
    NEW = "new", "登记", "new"
    ACCEPTED = "accepted", "已受理", "accepted"
    DISPATCHED = "dispatched", "已派单", "dispatched"
    IN_PROGRESS = "in_progress", "办理中", "in progress"
    RESOLVED = "resolved", "已办结", "resolved"
    CLOSED = "closed", "已回访", "closed"
    RETURNED = "returned", "已退单", "returned"
    REOPENED = "reopened", "重办", "reopened"
    MERGED = "merged", "已合并", "merged"
    REJECTED = "rejected", "不予受理", "rejected"


class Action(Code):
    """What an event records. `verb` is how a refusal names it (你的角色不能……) where that differs from the label."""

    CREATE = "create", "登记", "log"
    IMPORT = "import", "导入", "imported"
    ROUTE = "route", "确认事项", "item confirmed"
    ACCEPT = "accept", "受理", "accepted"
    DISPATCH = "dispatch", "派单", "dispatched"
    SIGN = "sign", "签收办理", "signed"
    RETURN = "return", "退单", "returned"
    RESOLVE = "resolve", "办结", "resolved"
    CALLBACK = "callback", "回访评价", "callback"
    REJECT = "reject", "不予受理", "rejected"
    MERGE = "merge", "合并", "merged"
    UNMERGE = "unmerge", "撤销合并", "merge undone"
    REOPEN = "reopen", "重办", "reopened"
    MERGED_IN = "merged_in", "被合并", "merged in"
    UNMERGED_IN = "unmerged_in", "撤销被合并", "merge undone"
    URGE = "urge", "催办", "urged"
    SUPERVISE = "supervise", "督办", "supervised"
    NOTICE = "notice", "通报", "reported"
    PAUSE = "pause", "暂停计时", "clock paused"
    RESUME = "resume", "恢复计时", "clock resumed"
    EXTENSION_REQUESTED = "extension_requested", "申请延期", "extension requested"
    EXTEND = "extend", "批准延期", "extension granted"
    EXTENSION_REFUSED = "extension_refused", "不批准延期", "extension refused"
    ERASE = "erase", "删除个人信息", "personal data erased"  # the fact is kept, never the data (models.privacy)
    UPHOLD_RETURN = "uphold_return", "退单成立", "return upheld"  # a supervisor's ruling on a 退单
    OVERRULE_RETURN = "overrule_return", "退单不成立", "return overruled"

    @property
    def verb(self) -> str:
        return _ACTION_VERBS.get(self, self.label)


_ACTION_VERBS = {Action.CREATE: "登记诉求", Action.UPHOLD_RETURN: "裁定退单", Action.OVERRULE_RETURN: "裁定退单"}


class Privilege(Code):
    """What a role may do beyond the workflow's actions."""

    DASHBOARD = "dashboard", "查看督办看板", "see the dashboard"
    PERSONAL_DATA = "personal_data", "查看居民个人信息", "see residents' personal data"
    REPORT = "report", "生成报告", "write reports"
    EXPORT = "export", "导出数据", "export data"
    IMPORT_REQUESTS = "import_requests", "导入诉求", "import requests"
    ACCOUNTS = "accounts", "管理账户", "manage accounts"
    AREAS = "areas", "管理网格", "manage areas"
    SETTINGS = "settings", "修改设置", "change settings"
    DEADLINE_RULES = "deadline_rules", "修改时限规则", "change deadline rules"
    CATALOG_IMPORT = "catalog_import", "导入事项清单", "import the catalog"
    REMOVE_EXAMPLES = "remove_examples", "删除学习样例", "remove learned examples"
    READ_EXAMPLES = "read_examples", "查看已确认派单样例", "read learned examples"
    CHECK_DATABASE = "check_database", "检查数据库", "check the database"
    BACKUP = "backup", "备份数据库", "back up the database"
    RESTORE = "restore", "恢复数据库", "restore the database"
    AUDIT = "audit", "查看安全审计", "read the security audit"
    ESCALATE = "escalate", "运行超期督办", "run escalation"
    RESIDENT_DATA = "resident_data", "办理居民个人信息的查阅和删除", "handle residents' data requests"
    TASK_LOG = "task_log", "登记和导入下派任务", "log tasks pushed down"
    TASK_REFUSE = "task_refuse", "在门口拒收清单外任务", "refuse off-list tasks at the door"
    TASK_APPLY = "task_apply", "提交准入申请", "apply for admission"
    TASK_DECIDE = "task_decide", "审定或撤销准入", "decide or revoke admissions"
    CONSULT_MANAGE = "consult_manage", "管理立法征求意见", "manage consultations on draft laws"
    CONSULT_OPINION = "consult_opinion", "登记立法意见", "record opinions on draft laws"


class AuditAction(Code):
    """What an audit event records: security events and acts on personal data, rather than steps of a request."""

    REVEAL_PERSONAL_DATA = "reveal_personal_data", "查看居民电话", "resident's phone shown"
    EXPORT_PERSONAL_DATA = "export_personal_data", "导出居民个人信息", "personal data exported"
    SIGN_IN = "sign_in", "登录", "signed in"
    SIGN_IN_FAILED = "sign_in_failed", "登录失败", "sign-in failed"
    SIGN_OUT = "sign_out", "退出登录", "signed out"
    LOCK = "lock", "账户锁定", "account locked"
    UNLOCK = "unlock", "账户解锁", "account unlocked"
    IDLE_LOCK = "idle_lock", "闲置锁屏", "idle session locked"
    PASSWORD_CHANGE = "password_change", "修改密码", "password changed"
    PASSWORD_RESET = "password_reset", "重置密码", "password reset"
    TOTP_ENROL = "totp_enrol", "启用两步验证", "two-factor enrolled"
    TOTP_REMOVE = "totp_remove", "取消两步验证", "two-factor removed"
    ACCOUNT_ADD = "account_add", "新增账户", "account added"
    ACCOUNT_DISABLE = "account_disable", "停用账户", "account disabled"
    ACCOUNT_ENABLE = "account_enable", "启用账户", "account enabled"
    ACCOUNT_ROLE = "account_role", "变更角色", "role changed"
    SETTINGS_CHANGE = "settings_change", "修改设置", "settings changed"
    DEADLINE_RULE_CHANGE = "deadline_rule_change", "修改时限规则", "deadline rule changed"
    AREA_ADD = "area_add", "新增网格", "area added"
    CATALOG_IMPORT = "catalog_import", "导入事项清单", "catalog imported"
    REQUESTS_IMPORT = "requests_import", "导入诉求", "requests imported"
    TASKS_IMPORT = "tasks_import", "导入下派任务", "tasks imported"
    OPINIONS_IMPORT = "opinions_import", "导入立法意见", "opinions imported"
    CONSULTATION_EXPORT = "consultation_export", "导出立法意见", "opinions exported"
    EXAMPLES_REMOVE = "examples_remove", "删除学习样例", "learned examples removed"
    BACKUP = "backup", "备份数据库", "database backed up"
    RESTORE = "restore", "恢复数据库", "database restored"
    REPORT = "report", "生成报告", "report written"
    EXPORT = "export", "导出数据", "data exported"
    PRIVACY_EXPORT = "privacy_export", "为居民导出其个人信息", "resident's data copied"
    PRIVACY_ERASE = "privacy_erase", "按居民要求删除个人信息", "resident's data erased"
    PRIVACY_PURGE = "privacy_purge", "删除超过保存期限的个人信息", "expired personal data removed"


class ReturnReason(Code):
    NOT_OUR_DUTY = "not_our_duty", "不属于本单位职责", "not our duty"
    OUTSIDE_AREA = "outside_area", "不在本辖区", "outside our area"
    INCOMPLETE = "incomplete", "诉求信息不全", "incomplete"
    DUPLICATE = "duplicate", "重复诉求", "duplicate"
    OTHER = "other", "其他", "other"


class WaitingFor(Code):
    """Why a clock is paused."""

    RESIDENT = "resident", "等待居民补充材料或配合", "waiting for the resident"
    DECISION = "decision", "等待上级决定", "waiting for a decision"


class Satisfaction(Code):
    SATISFIED = "satisfied", "满意", "satisfied"
    BASICALLY = "basically", "基本满意", "basically satisfied"
    UNSATISFIED = "unsatisfied", "不满意", "unsatisfied"


class Duty(Code):
    OWN = "own", "基本履职", "own duty"
    ASSIST = "assist", "配合履职", "assisting"
    RETURNED = "returned", "收回上级", "taken back"
    CANCELLED = "cancelled", "已取消", "cut"
    MERGED = "merged", "已合并", "merged"


class Role(Code):
    GRID_WORKER = "grid_worker", "网格员", "grid worker"
    COMMUNITY = "community", "社区工作者", "community worker"
    DEPARTMENT = "department", "部门承办人", "department handler"
    SUPERVISOR = "supervisor", "督办负责人", "supervisor"
    ADMIN = "admin", "管理员", "admin"


class Channel(Code):
    WALK_IN = "walk_in", "来访", "walk-in"
    PHONE = "phone", "电话", "phone"
    HOTLINE_12345 = "hotline_12345", "12345热线", "12345 hotline"
    WECHAT = "wechat", "微信", "WeChat"
    PATROL = "patrol", "巡查发现", "patrol"
    LEGISLATIVE = "legislative", "立法联系点", "legislative contact point"
    ONLINE = "online", "网上留言", "message board"
    IMPORT = "import", "导入", "imported"


class RequestKind(Code):
    SUGGESTION = "suggestion", "建议", "suggestion"
    COMPLAINT = "complaint", "投诉", "complaint"
    HELP = "help", "求助", "help"
    CONSULTATION = "consultation", "咨询", "question"
    REPORT = "report", "举报", "report"
    LEGISLATIVE_OPINION = "legislative_opinion", "立法意见", "legislative opinion"


class Urgency(Code):
    URGENT = "urgent", "紧急", "urgent"
    NORMAL = "normal", "一般", "normal"
    COMPLEX = "complex", "复杂", "complex"


class AreaKind(Code):
    STREET = "street", "街道", "street"
    COMMUNITY = "community", "社区", "community"
    GRID = "grid", "网格", "grid"


class DepartmentLevel(Code):
    DISTRICT = "district", "区级", "district"
    STREET = "street", "街道", "street"
    COMMUNITY = "community", "社区", "community"
    EXTERNAL = "external", "外部", "external"


class TaskSource(Code):
    """Where a task pushed down to the street came from (models.admission)."""

    OA = "oa", "OA文件", "OA document"
    WECHAT = "wechat", "微信群", "WeChat group"
    PHONE = "phone", "电话", "phone call"
    MEETING = "meeting", "会议", "meeting"
    SYSTEM = "system", "系统下发", "pushed by a system"


class TaskKind(Code):
    """What a task asks of the street: the kinds of burden the cut lists name."""

    FORM = "form", "报表填报", "forms"
    MEETING = "meeting", "会议", "meeting"
    INSPECTION = "inspection", "督查检查考核", "inspection or appraisal"
    CERTIFICATE = "certificate", "证明盖章", "certificate or stamp"
    PLAQUE = "plaque", "挂牌", "plaque"
    APP = "app", "工作群/APP", "work group or app"
    CAMPAIGN = "campaign", "专项任务", "special campaign"
    OTHER = "other", "其他", "other"


class Admission(Code):
    """What the door decided for a task (models.admission.door): by the list, or through the procedure."""

    ADMITTED = "admitted", "准入", "admitted"
    ASSIST = "assist", "配合准入", "admitted to assist"
    REFUSED = "refused", "拒收", "refused"
    PENDING = "pending", "清单外待审", "off-list, pending"


class TaskStatus(Code):
    """Where a task stands: awaiting an application, under review, in force, or stopped."""

    AWAITING = "awaiting", "待申请准入", "awaiting application"
    REVIEWING = "reviewing", "准入审查中", "under review"
    IN_FORCE = "in_force", "执行中", "in force"
    REFUSED = "refused", "已拒收", "refused"
    REVOKED = "revoked", "已撤销准入", "admission revoked"
    EXPIRED = "expired", "准入已到期", "admission expired"


class TaskAction(Code):
    """What a task event records (taskevent, hash-chained like the requests' trail)."""

    REGISTER = "register", "登记任务", "task logged"
    IMPORT = "import", "导入任务", "task imported"
    APPLY = "apply", "提交准入申请", "admission applied for"
    ADMIT = "admit", "准予准入", "admitted"
    REFUSE = "refuse", "不予准入", "refused"
    REVOKE = "revoke", "撤销准入", "admission revoked"
    EXPIRE = "expire", "准入到期", "admission expired"
    ESCALATE = "escalate", "审查超期督办", "late review escalated"


class ContributorKind(Code):
    """Who gave an opinion at the legislative contact point (models.legislation)."""

    RESIDENT = "resident", "居民", "resident"
    INFORMANT = "informant", "信息员", "informant"
    ENTERPRISE = "enterprise", "企业", "enterprise"
    LAWYER = "lawyer", "律师", "lawyer"
    DEPUTY = "deputy", "人大代表", "deputy"
    EXPERT = "expert", "专家学者", "expert"


class OpinionChannel(Code):
    """How an opinion on a draft was gathered."""

    FORUM = "forum", "座谈会", "forum"
    VISIT = "visit", "走访", "visit"
    ONLINE = "online", "线上", "online"
    LETTER = "letter", "信件", "letter"


class Adoption(Code):
    """What became of an opinion in the final text."""

    ADOPTED = "adopted", "采纳", "adopted"
    PARTLY = "partly", "部分采纳", "partly adopted"
    NOT_ADOPTED = "not_adopted", "未采纳", "not adopted"


# --- views, named for how the code asks ---------------------------------------------------------------------------

STATUS_LABELS = Status.labels()
OPEN_STATUSES = (
    Status.NEW,
    Status.ACCEPTED,
    Status.DISPATCHED,
    Status.IN_PROGRESS,
    Status.RETURNED,
    Status.REOPENED,
)
# how statuses are written in other systems' exports and by people typing them
STATUS_SYNONYMS: dict[str, str] = {
    **{code: code for code in STATUS_LABELS},
    **{label: code for code, label in STATUS_LABELS.items()},
    "待受理": "new",
    "未受理": "new",
    "受理": "accepted",
    "已派单": "dispatched",
    "派单": "dispatched",
    "已签收": "in_progress",
    "处理中": "in_progress",
    "办理中": "in_progress",
    "已办结": "resolved",
    "办结": "resolved",
    "已解决": "resolved",
    "已答复": "resolved",
    "已回复": "resolved",
    "已处理": "resolved",
    "已关闭": "closed",
    "关闭": "closed",
    "已评价": "closed",
    "已回访": "closed",
    "退单": "returned",
    "已退回": "returned",
    "无效": "rejected",
    "不予受理": "rejected",
}
TERMINAL_STATUSES = (Status.CLOSED, Status.MERGED, Status.REJECTED)
# being worked on: the states whose clock may be paused and whose deadline may be extended
WORKING_STATUSES = (Status.ACCEPTED, Status.DISPATCHED, Status.IN_PROGRESS, Status.REOPENED)
# a department's work begins at dispatch (imported history carries the status, not always the dispatch time)
PRE_DISPATCH_STATUSES = (Status.NEW, Status.ACCEPTED)
# finished by the unit: a resolution time is due
DONE_STATUSES = (Status.RESOLVED, Status.CLOSED)
# an imported row in these states with a department or item is a confirmed routing
CONFIRMING_STATUSES = DONE_STATUSES

ACTION_LABELS = Action.labels()
RETURN_REASONS = ReturnReason.labels()
WAITING_FOR = WaitingFor.labels()
SATISFACTION_LABELS = Satisfaction.labels()
DUTY_LABELS = Duty.labels()
ROLE_LABELS = Role.labels()
ROLES = Role.codes()
OVERSEERS = (Role.SUPERVISOR, Role.ADMIN)
CHANNEL_LABELS = Channel.labels()
KIND_LABELS = RequestKind.labels()
URGENCY_LABELS = Urgency.labels()
AREA_KIND_LABELS = AreaKind.labels()
AREA_KINDS = AreaKind.codes()  # from the top down
DEPARTMENT_LEVELS = DepartmentLevel.codes()
DUTIES = Duty.codes()
CHANNELS = Channel.codes()
REQUEST_KINDS = RequestKind.codes()
URGENCIES = Urgency.codes()
SATISFACTIONS = Satisfaction.codes()
# the permission messages name actions by their verb (你的角色不能登记诉求), privileges by their label
ACTION_NAMES = {**{a.value: a.verb for a in Action}, **Privilege.labels()}

TASK_STOPPED = (TaskStatus.REFUSED, TaskStatus.REVOKED, TaskStatus.EXPIRED)
TASK_UNDECIDED = (TaskStatus.AWAITING, TaskStatus.REVIEWING)

# duties the street no longer carries: their hours are freed (the ledger) and work matching them is not the street's
CUT_DUTIES = (Duty.RETURNED, Duty.CANCELLED, Duty.MERGED)
# of those, the ones whose work goes to the owning department and whose return to the street is a rebound; a merged
# item still has an owner, who may well be the street
ROUTED_AWAY_DUTIES = (Duty.RETURNED, Duty.CANCELLED)
# departments at these levels are the street itself: work dispatched there stays on the street
STREET_LEVELS = (DepartmentLevel.STREET, DepartmentLevel.COMMUNITY)

EVERY_CODE: tuple[type[Code], ...] = (
    Status,
    Action,
    Privilege,
    AuditAction,
    ReturnReason,
    WaitingFor,
    Satisfaction,
    Duty,
    Role,
    Channel,
    RequestKind,
    Urgency,
    AreaKind,
    DepartmentLevel,
    TaskSource,
    TaskKind,
    Admission,
    TaskStatus,
    TaskAction,
    ContributorKind,
    OpinionChannel,
    Adoption,
)


def english_names() -> dict[str, str]:
    """Chinese label → English name for every code: the interface catalog's fallback for labels it does not word
    itself."""
    names: dict[str, str] = {}
    for enum in EVERY_CODE:
        for member in enum:
            names.setdefault(member.label, member.english[:1].upper() + member.english[1:])
    return names
