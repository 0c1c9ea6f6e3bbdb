#include "ast.h"

void *jx_node_new(jx_arena *a, jx_node_kind kind, size_t size, jx_loc loc) {
  jx_node *n = jx_arena_alloc(a, size);
  n->kind = kind;
  n->loc = loc;
  return n;
}

const jx_trivia *jx_trivia_of(const jx_node *n) {
  static const jx_trivia none;
  return n->trivia ? n->trivia : &none;
}

jx_trivia *jx_trivia_make(jx_arena *a, jx_node *n) {
  if (!n->trivia) n->trivia = jx_arena_alloc(a, sizeof *n->trivia);
  return n->trivia;
}

jx_node *jx_project_field(const jx_project *p, jx_node_kind kind) {
  unsigned at = p->first_field ? p->first_field[kind] : UINT16_MAX;
  if (at != UINT16_MAX) return at ? p->fields.items[at - 1] : NULL;
  for (size_t i = 0; i < p->fields.len; i++) {
    jx_node *f = p->fields.items[i];
    if (f->kind == kind) return f;
  }
  return NULL;
}

void jx_project_add_field(jx_arena *a, jx_project *p, jx_node *field) {
  jx_list_push(a, &p->fields, field);
  if (!p->first_field)
    p->first_field = jx_arena_alloc(a, JX_NODE_KIND_COUNT * sizeof *p->first_field);
  if (!p->first_field[field->kind])
    p->first_field[field->kind] =
        p->fields.len < UINT16_MAX ? (uint16_t)p->fields.len : UINT16_MAX;
}

const char *jx_project_ref(jx_arena *a, const jx_project *p) {
  if (p->code) return jx_arena_printf(a, "%s \"%s\"", p->code->text, p->name.text);
  return jx_arena_printf(a, "\"%s\"", p->name.text);
}

const char *jx_project_id(jx_arena *a, const jx_project *p) {
  if (p->code) return p->code->text;
  return jx_arena_printf(a, "\"%s\"", p->name.text);
}

const char *jx_node_keyword(jx_node_kind kind) {
  static const char *const words[JX_NODE_KIND_COUNT] = {
      [JX_NODE_DEPARTMENT] = "部门",
      [JX_NODE_REGION] = "区划",
      [JX_NODE_YEAR] = "年度",
      [JX_NODE_MONEY_UNIT] = "金额单位",
      [JX_NODE_COMPILED_BY] = "编制",
      [JX_NODE_REVIEWED_BY] = "审核",
      [JX_NODE_VALUE_SPELLING] = "数值写法",
      [JX_NODE_FRAMEWORK] = "指标体系",
      [JX_NODE_IMPORT] = "导入",
      [JX_NODE_OVERALL_TARGET] = "总体目标",
      [JX_NODE_SUB_TARGET] = "分项目标",
      [JX_NODE_SAFEGUARD] = "保障措施",
      [JX_NODE_AGENCY] = "单位",
      [JX_NODE_SECTION] = "类别",
      [JX_NODE_PROJECT] = "项目",
      [JX_NODE_ALLOW] = "允许",
      [JX_NODE_DIMENSION] = "量纲",
      [JX_NODE_UNIT_DEF] = "计量单位",
      [JX_NODE_FRAMEWORK_DEF] = "指标体系",
      [JX_NODE_LOWER_IS_BETTER] = "逆向指标",
      [JX_NODE_RATIO_NAMES] = "比率指标",
      [JX_NODE_NOT_RATIO_NAMES] = "非比率指标",
      [JX_NODE_SOURCE_DEF] = "资金来源",
      [JX_NODE_SUB_TARGET_TEXT] = "目标",
      [JX_NODE_SUB_INDICATOR_TEXT] = "指标",
      [JX_NODE_CATEGORY] = "类别",
      [JX_NODE_PERIOD] = "项目期",
      [JX_NODE_SUPERVISOR] = "主管部门",
      [JX_NODE_IMPLEMENTER] = "实施单位",
      [JX_NODE_BUDGET] = "预算",
      [JX_NODE_MEDIUM_BUDGET] = "中期预算",
      [JX_NODE_TOTAL_FUNDS] = "资金总额",
      [JX_NODE_PURPOSE] = "用途",
      [JX_NODE_PLAN] = "支出计划",
      [JX_NODE_TARGET] = "目标",
      [JX_NODE_MEDIUM_TARGET] = "中期目标",
      [JX_NODE_OVERVIEW] = "概况",
      [JX_NODE_LEGAL_BASIS] = "立项依据",
      [JX_NODE_PROJECT_TYPE] = "项目类型",
      [JX_NODE_FUNDS_NATURE] = "资金性质",
      [JX_NODE_PARENT_PROJECT] = "一级项目",
      [JX_NODE_OVERSIGHT] = "监督管理单位",
      [JX_NODE_NOTES] = "其他说明",
      [JX_NODE_CONTACT] = "负责人",
      [JX_NODE_SCHEDULE] = "实施进度",
      [JX_NODE_LABELLED] = "栏目",
  };
  return kind < JX_NODE_KIND_COUNT && words[kind] ? words[kind] : "";
}

const char *jx_node_kind_name(jx_node_kind kind) {
  static const char *const names[JX_NODE_KIND_COUNT] = {
      [JX_NODE_DEPARTMENT] = "department",
      [JX_NODE_REGION] = "region",
      [JX_NODE_YEAR] = "year",
      [JX_NODE_MONEY_UNIT] = "money_unit",
      [JX_NODE_COMPILED_BY] = "compiled_by",
      [JX_NODE_REVIEWED_BY] = "reviewed_by",
      [JX_NODE_VALUE_SPELLING] = "value_spelling",
      [JX_NODE_FRAMEWORK] = "framework",
      [JX_NODE_IMPORT] = "import",
      [JX_NODE_OVERALL_TARGET] = "overall_target",
      [JX_NODE_SUB_TARGET] = "sub_target",
      [JX_NODE_SAFEGUARD] = "safeguard",
      [JX_NODE_AGENCY] = "agency",
      [JX_NODE_SECTION] = "section",
      [JX_NODE_PROJECT] = "project",
      [JX_NODE_ALLOW] = "allow",
      [JX_NODE_SOURCE_DEF] = "source_definition",
      [JX_NODE_DIMENSION] = "dimension",
      [JX_NODE_UNIT_DEF] = "unit_definition",
      [JX_NODE_FRAMEWORK_DEF] = "framework_definition",
      [JX_NODE_LOWER_IS_BETTER] = "lower_is_better",
      [JX_NODE_RATIO_NAMES] = "ratio_names",
      [JX_NODE_NOT_RATIO_NAMES] = "not_ratio_names",
      [JX_NODE_SUB_TARGET_TEXT] = "target",
      [JX_NODE_SUB_INDICATOR_TEXT] = "indicators",
      [JX_NODE_CATEGORY] = "category",
      [JX_NODE_PERIOD] = "period",
      [JX_NODE_SUPERVISOR] = "supervising_department",
      [JX_NODE_IMPLEMENTER] = "implementing_agency",
      [JX_NODE_BUDGET] = "budget",
      [JX_NODE_MEDIUM_BUDGET] = "medium_term_budget",
      [JX_NODE_TOTAL_FUNDS] = "total_funds",
      [JX_NODE_OVERVIEW] = "overview",
      [JX_NODE_LEGAL_BASIS] = "legal_basis",
      [JX_NODE_PROJECT_TYPE] = "project_type",
      [JX_NODE_FUNDS_NATURE] = "funds_nature",
      [JX_NODE_PARENT_PROJECT] = "parent_project",
      [JX_NODE_OVERSIGHT] = "oversight_agency",
      [JX_NODE_NOTES] = "notes",
      [JX_NODE_CONTACT] = "contact",
      [JX_NODE_SCHEDULE] = "schedule",
      [JX_NODE_LABELLED] = "labelled_field",
      [JX_NODE_PURPOSE] = "purpose",
      [JX_NODE_PLAN] = "spending_plan",
      [JX_NODE_TARGET] = "target",
      [JX_NODE_MEDIUM_TARGET] = "medium_term_target",
      [JX_NODE_GROUP] = "indicator_group",
      [JX_NODE_ROW] = "indicator",
  };
  return kind < JX_NODE_KIND_COUNT ? names[kind] : "?";
}

const char *jx_sign_text(jx_sign sign) {
  switch (sign) {
    case JX_SIGN_EQ: return "＝";
    case JX_SIGN_GE: return "≥";
    case JX_SIGN_GT: return "＞";
    case JX_SIGN_LE: return "≤";
    case JX_SIGN_LT: return "＜";
    case JX_SIGN_NONE: break;
  }
  return "";
}

const char *jx_sign_name(jx_sign sign) {
  switch (sign) {
    case JX_SIGN_EQ: return "eq";
    case JX_SIGN_GE: return "ge";
    case JX_SIGN_GT: return "gt";
    case JX_SIGN_LE: return "le";
    case JX_SIGN_LT: return "lt";
    case JX_SIGN_NONE: break;
  }
  return "none";
}

const char *jx_relative_text(jx_relative r) {
  switch (r) {
    case JX_REL_IMPROVE: return "较上年提升";
    case JX_REL_INCREASE: return "较上年增加";
    case JX_REL_LOWER: return "较上年降低";
    case JX_REL_DECREASE: return "较上年减少";
    case JX_REL_SAME: return "较上年持平";
  }
  return "";
}

const char *jx_relative_name(jx_relative r) {
  switch (r) {
    case JX_REL_IMPROVE: return "improve";
    case JX_REL_INCREASE: return "increase";
    case JX_REL_LOWER: return "lower";
    case JX_REL_DECREASE: return "decrease";
    case JX_REL_SAME: return "same";
  }
  return "";
}

const char *jx_value_kind_name(jx_value_kind k) {
  switch (k) {
    case JX_VALUE_QUANTITY: return "quantity";
    case JX_VALUE_DEADLINE: return "deadline";
    case JX_VALUE_MONTHLY: return "monthly";
    case JX_VALUE_RELATIVE: return "relative";
    case JX_VALUE_TEXT: return "text";
    case JX_VALUE_NA: return "not_applicable";
    case JX_VALUE_PERIOD: return "period";
    case JX_VALUE_BLANK: return "blank";
  }
  return "";
}

jx_list *jx_node_child_list(jx_node *n) {
  switch (n->kind) {
    case JX_NODE_SUB_TARGET: return &((jx_sub_target *)n)->texts;
    case JX_NODE_PROJECT: return &((jx_project *)n)->fields;
    case JX_NODE_GROUP: return &((jx_group *)n)->rows;
    default: return NULL;
  }
}

void jx_node_children(jx_node *n, jx_node_visit_fn fn, void *data) {
  const jx_list *l = jx_node_child_list(n);
  for (size_t i = 0; l && i < l->len; i++) fn(l->items[i], data);
}
