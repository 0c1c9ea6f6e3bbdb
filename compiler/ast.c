#include "ast.h"

void *jx_node_new(jx_arena *a, jx_node_kind kind, size_t size, jx_loc loc) {
  jx_node *n = jx_arena_alloc(a, size);
  n->kind = kind;
  n->loc = loc;
  return n;
}

jx_node *jx_project_field(const jx_project *p, jx_node_kind kind) {
  for (size_t i = 0; i < p->fields.len; i++) {
    jx_node *f = p->fields.items[i];
    if (f->kind == kind) return f;
  }
  return NULL;
}

const char *jx_node_kind_name(jx_node_kind kind) {
  static const char *const names[JX_NODE_KIND_COUNT] = {
      [JX_NODE_DEPARTMENT] = "department",
      [JX_NODE_REGION] = "region",
      [JX_NODE_YEAR] = "year",
      [JX_NODE_MONEY_UNIT] = "money_unit",
      [JX_NODE_COMPILED_BY] = "compiled_by",
      [JX_NODE_REVIEWED_BY] = "reviewed_by",
      [JX_NODE_FRAMEWORK] = "framework",
      [JX_NODE_IMPORT] = "import",
      [JX_NODE_OVERALL_TARGET] = "overall_target",
      [JX_NODE_SUB_TARGET] = "sub_target",
      [JX_NODE_SAFEGUARD] = "safeguard",
      [JX_NODE_AGENCY] = "agency",
      [JX_NODE_PROJECT] = "project",
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
  }
  return "";
}

static void each(jx_list *l, jx_node_visit_fn fn, void *data) {
  for (size_t i = 0; i < l->len; i++) fn(l->items[i], data);
}

void jx_node_children(jx_node *n, jx_node_visit_fn fn, void *data) {
  switch (n->kind) {
    case JX_NODE_SUB_TARGET: each(&((jx_sub_target *)n)->texts, fn, data); break;
    case JX_NODE_PROJECT: each(&((jx_project *)n)->fields, fn, data); break;
    case JX_NODE_GROUP: each(&((jx_group *)n)->rows, fn, data); break;
    default: break;
  }
}
