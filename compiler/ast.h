/* The syntax tree of a jixiao file.
 *
 * All nodes, strings and lists live in the arena of the jx_ctx that parsed
 * them and are freed with it. Every node that stands on its own line carries
 * trivia (the comments before it, a comment after it on its line, whether a
 * blank line precedes it), so a formatter or importer can reproduce the file.
 *
 * A file is a flat list of items in source order; projects are items too, and
 * each project points to the budget unit (单位) that precedes it in its file.
 * The JSON field names of `jxc dump` are documented in doc/ast-json.md. */
#ifndef JX_AST_H
#define JX_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "decimal.h"
#include "source.h"

typedef struct jx_comment {
  jx_loc loc;
  const char *text; /* after '#', line end removed */
  bool blank_before;
} jx_comment;

/* The comments around a node. Most nodes have none: a node points to its
 * trivia only when it has some, so a 700,000-row document carries the space
 * for comments only where they are. */
typedef struct jx_trivia {
  jx_list leading;       /* jx_comment *, on the lines before the node */
  jx_comment *trailing;  /* after the node on its line (for a block: on the
                          * line of its opening brace); or NULL */
  jx_list dangling;      /* blocks: comments after the last child */
  jx_comment *closing;   /* blocks: after the closing brace on its line */
} jx_trivia;

typedef enum {
  JX_STR_PLAIN, /* "…" */
  JX_STR_BLOCK  /* """…""" */
} jx_str_style;

typedef struct jx_string {
  const char *text; /* escapes resolved, NUL-terminated */
  jx_loc loc;
  jx_str_style style;
} jx_string;

/* A word, code or number kept as written (after full-width normalisation). */
typedef struct jx_name {
  const char *text;
  jx_loc loc;
} jx_name;

typedef struct jx_amount {
  jx_decimal value;
  const char *text;   /* the number as written */
  jx_name *unit;      /* NULL: the document's 金额单位 */
  jx_loc loc;
} jx_amount;

typedef enum {
  JX_SOURCE_FISCAL, /* 财政资金 */
  JX_SOURCE_OTHER,  /* 其他资金 */
  JX_SOURCE_NAMED   /* any other name */
} jx_source_kind;

/* A funding source of a budget. Its kind for the 财政资金 / 其他资金 columns
 * is fixed for the two keywords and looked up in the library's 资金来源
 * declarations for a named source. */
typedef struct jx_fund_source {
  jx_source_kind kind;
  jx_name name;       /* as written, also for the two keywords */
  jx_amount *amount;  /* NULL: the cell is empty, which is not zero */
  jx_list parts;      /* jx_fund_source *, empty when not split */
} jx_fund_source;

typedef enum {
  JX_SIGN_NONE, /* no sign written: means equal */
  JX_SIGN_EQ,
  JX_SIGN_GE,
  JX_SIGN_GT,
  JX_SIGN_LE,
  JX_SIGN_LT
} jx_sign;

typedef enum {
  JX_REL_IMPROVE,  /* 较上年提升 */
  JX_REL_INCREASE, /* 较上年增加 */
  JX_REL_LOWER,    /* 较上年降低 */
  JX_REL_DECREASE, /* 较上年减少 */
  JX_REL_SAME      /* 较上年持平 */
} jx_relative;

typedef struct jx_quantity {
  jx_sign sign;
  jx_loc sign_loc;
  jx_decimal number;      /* 0 for a placeholder */
  const char *number_text; /* as written (normalised); the placeholder itself */
  bool placeholder;       /* an unfilled template (**, XX, ×××) stands for it */
  jx_name unit; /* "%" for percent; compound units joined with '/'; "" when
                 * the number was written without a unit */
} jx_quantity;

typedef enum { JX_DATE_ISO, JX_DATE_CHINESE } jx_date_style;

typedef struct jx_date {
  int year;          /* 0: the budget year */
  int month;         /* 0 only for a year-only date (2025年, 2025年底) */
  int day;           /* 0: end of the month */
  bool month_end;    /* written with 月底 */
  jx_date_style style;
  const char *wording; /* text after the last part (前, 前完成 …), or "" */
  jx_loc loc;
} jx_date;

typedef enum {
  JX_VALUE_QUANTITY, /* [sign] number [unit] */
  JX_VALUE_DEADLINE, /* [截止] date [quantity] */
  JX_VALUE_MONTHLY,  /* 每月 day */
  JX_VALUE_RELATIVE, /* 较上年… [quantity] */
  JX_VALUE_TEXT,     /* qualitative (定性) */
  JX_VALUE_NA,       /* 不涉及 */
  JX_VALUE_PERIOD,   /* date 至 date */
  JX_VALUE_BLANK     /* 空白: the cell is empty in the published form */
} jx_value_kind;

/* An indicator value. The structured part is what the checker reads; the
 * wording after it (以上, 到位 …) is printed verbatim and never checked. */
typedef struct jx_value {
  jx_value_kind kind;
  jx_loc loc;
  jx_quantity quantity;  /* QUANTITY; RELATIVE and DEADLINE when has_quantity */
  bool has_quantity;
  jx_date date;          /* DEADLINE, PERIOD (its start); MONTHLY uses day */
  union {                /* never both: a value is a period or a text */
    jx_date until;       /* PERIOD: its end (year 0: the start's year) */
    jx_string text;      /* TEXT */
  };
  jx_relative relative;
  const char *wording;   /* words after the structured part, or "" */
  jx_loc wording_loc;
} jx_value;

typedef enum {
  JX_NODE_DEPARTMENT,
  JX_NODE_REGION,
  JX_NODE_YEAR,
  JX_NODE_MONEY_UNIT,
  JX_NODE_COMPILED_BY,
  JX_NODE_REVIEWED_BY,
  JX_NODE_VALUE_SPELLING, /* 数值写法 原样|统一: how the tables print values */
  JX_NODE_FRAMEWORK,
  JX_NODE_IMPORT,
  JX_NODE_OVERALL_TARGET,
  JX_NODE_SUB_TARGET,
  JX_NODE_SAFEGUARD,
  JX_NODE_AGENCY,
  JX_NODE_SECTION,   /* 类别 line: projects grouped under a subtotal */
  JX_NODE_PROJECT,
  JX_NODE_ALLOW,     /* 允许: at top level, in a project, or on a row */
  /* definitions (the standard library, or a document's own) */
  JX_NODE_DIMENSION,
  JX_NODE_UNIT_DEF,
  JX_NODE_FRAMEWORK_DEF,
  JX_NODE_LOWER_IS_BETTER,
  JX_NODE_RATIO_NAMES,
  JX_NODE_NOT_RATIO_NAMES,
  JX_NODE_SOURCE_DEF,
  /* inside a sub-target */
  JX_NODE_SUB_TARGET_TEXT,
  JX_NODE_SUB_INDICATOR_TEXT,
  /* inside a project */
  JX_NODE_CATEGORY,
  JX_NODE_PERIOD,
  JX_NODE_SUPERVISOR,
  JX_NODE_IMPLEMENTER,
  JX_NODE_BUDGET,
  JX_NODE_MEDIUM_BUDGET,
  JX_NODE_TOTAL_FUNDS,   /* 资金总额 / 项目总投资 */
  JX_NODE_PURPOSE,
  JX_NODE_PLAN,
  JX_NODE_TARGET,
  JX_NODE_MEDIUM_TARGET,
  JX_NODE_OVERVIEW,      /* 概况 (项目概况, 基本情况) */
  JX_NODE_LEGAL_BASIS,   /* 立项依据 (政策依据) */
  JX_NODE_PROJECT_TYPE,  /* 项目类型 (新增 / 延续) */
  JX_NODE_FUNDS_NATURE,  /* 资金性质 */
  JX_NODE_PARENT_PROJECT,/* 一级项目 (一级项目名称) */
  JX_NODE_OVERSIGHT,     /* 监督管理单位 */
  JX_NODE_NOTES,         /* 其他说明 (其他需说明的问题) */
  JX_NODE_CONTACT,       /* 负责人 … 电话 … */
  JX_NODE_SCHEDULE,      /* 实施进度 { stage … } */
  JX_NODE_LABELLED,      /* 栏目 "label" "text": any other cell of a form */
  JX_NODE_GROUP,
  /* inside an indicator group */
  JX_NODE_ROW,
  JX_NODE_KIND_COUNT
} jx_node_kind;

/* Common header of every node; the specific struct embeds it first. */
typedef struct jx_node {
  jx_node_kind kind;
  bool blank_before; /* a blank line separates it from what precedes it */
  jx_loc loc;        /* from the keyword to the end of the construct */
  jx_trivia *trivia; /* its comments, or NULL when it has none */
} jx_node;

/* A node's comments: its trivia, or an empty one. */
const jx_trivia *jx_trivia_of(const jx_node *n);

/* A node's trivia, made when it has none yet (for attaching comments). */
jx_trivia *jx_trivia_make(jx_arena *a, jx_node *n);

/* 部门, 单位, 主管部门, and the 类别 line (SECTION): code (NULL when none
 * is given; always for a SECTION), name, optional declared total. */
typedef struct jx_org {
  jx_node base;
  jx_name *code;
  jx_string name;
  jx_amount *total;
  jx_list projects;    /* AGENCY, SECTION: jx_project *, in source order */
  struct jx_org *parent; /* SECTION: the 单位 it stands in, or NULL */
} jx_org;

/* Header and part-one items holding one string: 编制, 审核, 指标体系, 导入,
 * 总体目标, and the 目标/指标 texts of a sub-target; project text fields
 * 用途, 目标, 中期目标, 类别, 实施单位, 概况, 立项依据, 项目类型, 资金性质,
 * 一级项目, 监督管理单位, 其他说明. */
typedef struct jx_text_item {
  jx_node base;
  jx_string text;
  int resolved_file; /* IMPORT only: file index once loaded, else -1 */
} jx_text_item;

/* 区划, 年度, 金额单位: one name, number or word. */
typedef struct jx_name_item {
  jx_node base;
  jx_name value;
} jx_name_item;

typedef struct jx_sub_target {
  jx_node base;
  jx_string title;
  jx_list texts; /* jx_text_item * (SUB_TARGET_TEXT / SUB_INDICATOR_TEXT) */
} jx_sub_target;

typedef struct jx_safeguard {
  jx_node base;
  jx_string title;
  jx_string text;
} jx_safeguard;

typedef struct jx_budget {
  jx_node base;
  jx_amount amount;
  jx_list sources; /* jx_fund_source * */
} jx_budget;

typedef struct jx_plan_entry {
  int month;
  bool month_end; /* written 3月底 rather than 3月 */
  jx_decimal percent;
  const char *percent_text;
  jx_loc loc;
} jx_plan_entry;

typedef struct jx_plan {
  jx_node base;
  jx_list entries; /* jx_plan_entry * */
} jx_plan;

typedef struct jx_period {
  jx_node base;
  jx_name from, to;
} jx_period;

/* 允许 CODE, … "reason": the document accepts these findings of the
 * checker in the construct it stands in (the whole document at top level,
 * a project, or one indicator row). */
typedef struct jx_allow {
  jx_node base;
  jx_list codes;   /* jx_name * (J141 …) */
  jx_string reason;
} jx_allow;

typedef struct jx_row {
  jx_node base;
  jx_name level2;          /* "" in a flat table (绩效指标) */
  bool not_applicable_row; /* written `二级 不涉及` */
  bool blank_name;         /* the name cell is 空白 (name.text is "") */
  jx_string name;          /* without its ordinal */
  const char *ordinal;     /* "指标1:" written before the name, or NULL */
  jx_value value;
  jx_value *long_term;     /* 长期 value, or NULL */
  jx_string *description, *basis, *standard; /* NULL when absent */
  jx_list allows;          /* jx_allow * */
} jx_row;

typedef struct jx_group {
  jx_node base;
  jx_name level1;   /* "绩效指标" for a flat table */
  bool medium_term;
  bool flat;        /* 绩效指标 { 指标 … }: rows without levels */
  jx_list rows;     /* jx_row * */
} jx_group;

typedef struct jx_project {
  jx_node base;
  jx_name *code;    /* NULL when the table shows none */
  jx_string name;
  jx_list fields;   /* jx_node *, in source order; add with jx_project_add_field */
  /* By kind: 1 + the index in fields of the first field of that kind, 0
   * when there is none, UINT16_MAX past the 65,534th field: every rule
   * asks a project for its budget, plan or targets, and a scan of the
   * fields for each question cost a tenth of a province's check. Made by
   * jx_project_add_field; NULL (fields are then scanned) in a project of
   * one or two fields, such as the checker's outline copies. */
  uint16_t *first_field;
  jx_org *agency;   /* the 单位 it belongs to, or NULL (an error) */
  jx_org *section;  /* the 类别 line it stands under, or NULL */
} jx_project;

/* 负责人 "name" [电话 "phone"] */
typedef struct jx_contact {
  jx_node base;
  jx_string name;
  jx_string *phone; /* NULL when absent */
} jx_contact;

/* One stage of 实施进度: a name, when (a period, a deadline or text) and an
 * optional description. */
typedef struct jx_stage {
  jx_loc loc;
  jx_string name;
  jx_value when;
  jx_string *description;
} jx_stage;

typedef struct jx_schedule {
  jx_node base;
  jx_list stages; /* jx_stage * */
} jx_schedule;

/* 栏目 "label" "text" */
typedef struct jx_labelled {
  jx_node base;
  jx_string label;
  jx_string text;
} jx_labelled;

/* 量纲 NAME ALIAS */
typedef struct jx_dimension {
  jx_node base;
  jx_name name, alias;
} jx_dimension;

/* 计量单位 NAME DIMENSION [精度 N]  or  计量单位 NAME = FACTOR UNIT */
typedef struct jx_unit_def {
  jx_node base;
  jx_name name;
  jx_name *dimension;    /* base unit: its dimension; NULL when derived */
  int precision;         /* base unit: decimals allowed, -1 when not given */
  jx_name *of;           /* derived unit: the unit it multiplies */
  jx_decimal factor;     /* derived unit: NAME = factor × of */
  const char *factor_text;
} jx_unit_def;

typedef struct jx_fw_level {
  jx_name name, alias;
} jx_fw_level;

typedef struct jx_fw_group {
  jx_name name, alias;
  bool required;
  jx_list levels; /* jx_fw_level * */
} jx_fw_group;

/* 指标体系 "NAME" [默认] { FIRST ALIAS [必填] { SECOND ALIAS … } … } */
typedef struct jx_framework_def {
  jx_node base;
  jx_string name;
  bool is_default;
  jx_list groups; /* jx_fw_group * */
} jx_framework_def;

/* 资金来源 NAME KIND: a named funding source and the column it counts in
 * (KIND 财政 / fiscal or 其他 / other; checked by the checker). */
typedef struct jx_source_def {
  jx_node base;
  jx_name name, kind;
} jx_source_def;

/* 逆向指标 / 比率指标: a list of name fragments. */
typedef struct jx_name_list {
  jx_node base;
  jx_list names; /* jx_string * */
} jx_name_list;

typedef struct jx_file {
  int file;       /* index in the ctx's source table */
  jx_list items;  /* jx_node *, in source order */
  jx_list dangling; /* jx_comment * after the last item */
  jx_list comments; /* every jx_comment * of the file, in order (pragmas) */
} jx_file;

/* Node constructors: allocate a zeroed node of the given kind in the arena. */
void *jx_node_new(jx_arena *a, jx_node_kind kind, size_t size, jx_loc loc);

/* The first field of the given kind in a project, or NULL. */
jx_node *jx_project_field(const jx_project *p, jx_node_kind kind);

/* Appends a field to a project (and to its index by kind, made with the
 * first field). */
void jx_project_add_field(jx_arena *a, jx_project *p, jx_node *field);

/* How messages name a project, allocated in a: jx_project_ref gives
 * `CODE "name"`, jx_project_id just `CODE`; both `"name"` without a code. */
const char *jx_project_ref(jx_arena *a, const jx_project *p);
const char *jx_project_id(jx_arena *a, const jx_project *p);

/* The canonical keyword of a field or item kind ("预算", "概况" …), or "". */
const char *jx_node_keyword(jx_node_kind kind);

/* Stable names used in JSON and messages. */
const char *jx_node_kind_name(jx_node_kind kind);
const char *jx_sign_text(jx_sign sign);      /* "≥", "", … (full-width set) */
const char *jx_sign_name(jx_sign sign);      /* "ge", "none", … */
const char *jx_relative_text(jx_relative r); /* "较上年提升", … */
const char *jx_relative_name(jx_relative r); /* "improve", … */
const char *jx_value_kind_name(jx_value_kind k);

/* Calls fn on each direct child node that carries trivia, in source order. */
typedef void (*jx_node_visit_fn)(jx_node *child, void *data);
void jx_node_children(jx_node *n, jx_node_visit_fn fn, void *data);

/* The list of a block's child nodes (a project's fields, a group's rows, a
 * sub-target's texts), in source order; NULL for a node without children. */
jx_list *jx_node_child_list(jx_node *n);

#endif
