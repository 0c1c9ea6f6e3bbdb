/* The jixiao grammar (doc/language.md, section 8, is its readable summary).
 *
 * A pure parser with locations. Every node is allocated in the ctx's arena,
 * so tokens and partial trees thrown away by error recovery need no
 * %destructor: nothing is owned outside the arena. Recovery happens at three
 * levels (top-level item, project field, indicator row), so one run reports
 * every independent error. */

%require "3.8"
%define api.pure full
%define api.prefix {jx_yy}
%define parse.error detailed
%define parse.lac full
%locations
%expect 0
%param {yyscan_t scanner}

%code requires {
#include "ast.h"
#include "parse_state.h"
#ifndef JX_YYSCAN_T
#define JX_YYSCAN_T
typedef void *yyscan_t;
#endif
#define JX_YYLTYPE jx_loc
#define JX_YYLTYPE_IS_DECLARED 1

/* An attribute of an indicator row, collected before the row is built. */
typedef struct jx_attr {
  int kind; /* KW_DESCRIPTION, KW_BASIS, KW_STANDARD, KW_LONG_TERM, KW_ALLOW */
  jx_loc loc;
  jx_string *text;   /* 描述, 依据, 标准 */
  jx_value *value;   /* 长期 */
  jx_allow *allow;   /* 允许 */
} jx_attr;
}

%code provides {
int jx_yylex(JX_YYSTYPE *lval, JX_YYLTYPE *lloc, yyscan_t scanner);
void jx_yyerror(JX_YYLTYPE *loc, yyscan_t scanner, const char *msg);
jx_parse_state *jx_yyget_extra(yyscan_t scanner);
const char *jx_token_name(int token);
}

%code {
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
  do {                                                                \
    if (N) {                                                          \
      (Cur).file = YYRHSLOC(Rhs, 1).file;                             \
      (Cur).first_line = YYRHSLOC(Rhs, 1).first_line;                 \
      (Cur).first_column = YYRHSLOC(Rhs, 1).first_column;             \
      (Cur).last_line = YYRHSLOC(Rhs, N).last_line;                   \
      (Cur).last_column = YYRHSLOC(Rhs, N).last_column;               \
    } else {                                                          \
      (Cur).file = YYRHSLOC(Rhs, 0).file;                             \
      (Cur).first_line = (Cur).last_line = YYRHSLOC(Rhs, 0).last_line; \
      (Cur).first_column = (Cur).last_column =                        \
          YYRHSLOC(Rhs, 0).last_column;                               \
    }                                                                 \
  } while (0)

#define PS (jx_yyget_extra(scanner))
#define ARENA (PS->arena)
#define NEW(type, kind, loc) ((type *)jx_node_new(ARENA, kind, sizeof(type), loc))

static void add_item(jx_parse_state *ps, jx_node *n);
/* The location from the start of a to the end of b: for rules whose first
 * symbol may be empty, whose default location would start too early. */
static jx_loc span(jx_loc a, jx_loc b) {
  a.last_line = b.last_line;
  a.last_column = b.last_column;
  return a;
}
static jx_name *make_name(jx_parse_state *ps, const char *text, jx_loc loc);
static jx_amount *make_amount(jx_parse_state *ps, const char *num, jx_loc numloc,
                              jx_name *unit);
static jx_node *text_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                          jx_string *s);
static jx_node *org_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                         jx_name *code, jx_string *name, jx_amount *total);
static jx_node *budget_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                            jx_amount *amount, jx_list *sources);
static jx_plan_entry *plan_entry(jx_parse_state *ps, const char *month,
                                 jx_loc mloc, const char *word, jx_loc wloc,
                                 const char *pct, jx_loc ploc, jx_loc loc);
static jx_plan_entry *period_entry(jx_parse_state *ps, const char *word, jx_loc wloc,
                                   const char *pct, jx_loc ploc, jx_loc loc);
static jx_row *make_row(jx_parse_state *ps, jx_loc loc, jx_name *level,
                        jx_string *name, jx_value *value, jx_list *attrs);
static jx_value *build_value(jx_parse_state *ps, int prefix, int relative,
                             jx_loc loc);
static jx_value *simple_value(jx_parse_state *ps, jx_value_kind kind, jx_loc loc);
static jx_allow *make_allow(jx_parse_state *ps, jx_loc loc, jx_list *codes,
                            jx_string *reason);
static void add_row(jx_parse_state *ps, jx_group *g, jx_row *r, bool flat);
static jx_string *blank_cell(jx_parse_state *ps, jx_loc loc);
static const char *codes_text(jx_parse_state *ps, const jx_list *codes);
static void add_field(jx_parse_state *ps, jx_project *p, jx_node *f);
static jx_list *list1(jx_parse_state *ps, void *item);
static bool parse_number(jx_parse_state *ps, const char *text, jx_loc loc,
                         jx_decimal *out);
static bool parse_int(const char *text, int lo, int hi, int *out);
static jx_list *list_add(jx_parse_state *ps, jx_list *l, void *item);
}

%union {
  const char *text;
  jx_string *str;
  int ival;
  jx_node *node;
  jx_list *list;
  jx_name *name;
  jx_amount *amount;
  jx_fund_source *source;
  jx_value *value;
  jx_plan_entry *entry;
  jx_date *date;
  jx_attr *attr;
  jx_project *project;
  jx_sub_target *sub;
  jx_group *group;
  jx_row *row;
  jx_allow *allow;
  jx_stage *stage;
  void *ptr;
}

%token <text> WORD "name" NUMBER "number" CODE "code" DATE "date"
%token <text> GROUP_NAME "group name" LEVEL "indicator level"
%token <text> RULE_CODE "rule code" PLACEHOLDER "placeholder"
%token <str> STRING "string"
%token <ival> RELATIVE "较上年…"
%token KW_DEPARTMENT "部门" KW_REGION "区划" KW_YEAR "年度"
       KW_MONEY_UNIT "金额单位" KW_COMPILED_BY "编制" KW_REVIEWED_BY "审核" KW_VALUE_SPELLING "数值写法"
       KW_FRAMEWORK "指标体系" KW_IMPORT "导入" KW_OVERALL_TARGET "总体目标"
       KW_SUB_TARGET "分项目标" KW_SAFEGUARD "保障措施" KW_AGENCY "单位"
       KW_TOTAL "合计" KW_PROJECT "项目" KW_CATEGORY "类别" KW_PERIOD "项目期"
       KW_TO "至" KW_SUPERVISOR "主管部门" KW_IMPLEMENTER "实施单位"
       KW_BUDGET "预算" KW_MEDIUM_BUDGET "中期预算" KW_FISCAL "财政资金"
       KW_OTHER "其他资金" KW_PURPOSE "用途" KW_PLAN "支出计划" KW_TARGET "目标"
       KW_MEDIUM_TARGET "中期目标" KW_INDICATORS "指标" KW_MEDIUM "中期"
       KW_DESCRIPTION "描述" KW_BASIS "依据" KW_STANDARD "标准" KW_BY "截止"
       KW_MONTHLY "每月" KW_NA "不涉及" KW_DIMENSION "量纲"
       KW_UNIT_DEF "计量单位" KW_PRECISION "精度" KW_DEFAULT "默认"
       KW_REQUIRED "必填" KW_LOWER_IS_BETTER "逆向指标" KW_RATIO_NAMES "比率指标"
       KW_NOT_RATIO_NAMES "非比率指标" KW_SOURCE_DEF "资金来源"
       KW_TOTAL_FUNDS "资金总额" KW_OVERVIEW "概况" KW_LEGAL_BASIS "立项依据"
       KW_PROJECT_TYPE "项目类型" KW_FUNDS_NATURE "资金性质"
       KW_PARENT_PROJECT "一级项目" KW_OVERSIGHT "监督管理单位" KW_NOTES "其他说明"
       KW_CONTACT "负责人" KW_PHONE "电话" KW_SCHEDULE "实施进度" KW_LABELLED "栏目"
       KW_ALLOW "允许" KW_TABLE "绩效指标" KW_LONG_TERM "长期" KW_BLANK "空白"
%token GE "≥" LE "≤" GT "＞" LT "＜" EQ "＝" PERCENT "%" SLASH "/"
       COMMA "," LPAREN "(" RPAREN ")" LBRACE "{" RBRACE "}"

%type <node> item header part_one agency section field
%type <project> project project_head
%type <sub> sub_target
%type <group> group group_head
%type <row> row flat_row
%type <name> code code_opt level_word unit_opt
%type <amount> amount amount_opt total_opt
%type <list> sources_opt sources plan_entries attrs rule_codes stages
%type <source> source
%type <entry> plan_entry
%type <value> value
%type <ival> sign medium_opt
%type <attr> attr
%type <text> fw_alias
%type <node> sub_text definition
%type <name> unit_name
%type <ival> default_opt required_opt precision_opt
%type <list> fw_groups fw_levels strings
%type <ptr> fw_group
%type <allow> allow
%type <stage> stage
%type <str> word_or_string phone_opt stage_description_opt
%type <name> source_name

/* A project or indicator group not closed before what can only follow it
 * (the next top-level item, the next field): reported as J015/J016 and ended
 * there, rather than swallowing what follows. The error token must still
 * shift into the enclosing list's own recovery, hence its precedence. */
%precedence MISSING_BRACE
%precedence error "}"
/* 类别 and 允许 are items and project fields; 允许 is also a row's
 * attribute. Inside an unclosed block, or after a row, they belong to the
 * innermost construct. */
%precedence KW_CATEGORY KW_ALLOW

%%

file:
    %empty
  | file item               { if ($2) add_item(PS, $2); }
  ;

item:
    header
  | part_one
  | definition
  | agency
  | section
  | project                 { $$ = &$1->base; }
  | allow                   { $$ = &$1->base; }
  | KW_IMPORT STRING        { $$ = text_item(PS, JX_NODE_IMPORT, @$, $2); }
  | error                   { $$ = NULL; }
  ;

header:
    KW_DEPARTMENT code_opt STRING total_opt
                            { $$ = org_item(PS, JX_NODE_DEPARTMENT, @$, $2, $3, $4); }
  | KW_REGION code          { jx_name_item *n = NEW(jx_name_item, JX_NODE_REGION, @$);
                              n->value = *$2; $$ = &n->base; }
  | KW_YEAR NUMBER          { jx_name_item *n = NEW(jx_name_item, JX_NODE_YEAR, @$);
                              n->value = *make_name(PS, $2, @2); $$ = &n->base; }
  | KW_YEAR STRING          { jx_name_item *n = NEW(jx_name_item, JX_NODE_YEAR, @$);
                              n->value = *make_name(PS, $2->text, @2); $$ = &n->base;
                              jx_diag *d = jx_report(PS->ctx, JX_SEV_ERROR, "J010", @2,
                                "The budget year is a number, not a text in quotes.");
                              jx_diag_hint(PS->ctx, d, "Write it without quotes: 年度 %s.",
                                           $2->text); }
  | KW_MONEY_UNIT WORD      { jx_name_item *n = NEW(jx_name_item, JX_NODE_MONEY_UNIT, @$);
                              n->value = *make_name(PS, $2, @2); $$ = &n->base; }
  | KW_VALUE_SPELLING WORD  { jx_name_item *n = NEW(jx_name_item, JX_NODE_VALUE_SPELLING, @$);
                              n->value = *make_name(PS, $2, @2); $$ = &n->base; }
  | KW_COMPILED_BY STRING   { $$ = text_item(PS, JX_NODE_COMPILED_BY, @$, $2); }
  | KW_REVIEWED_BY STRING   { $$ = text_item(PS, JX_NODE_REVIEWED_BY, @$, $2); }
  | KW_FRAMEWORK STRING     { $$ = text_item(PS, JX_NODE_FRAMEWORK, @$, $2); }
  ;

part_one:
    KW_OVERALL_TARGET STRING
                            { $$ = text_item(PS, JX_NODE_OVERALL_TARGET, @$, $2); }
  | sub_target "}"          { $1->base.loc = @$; $$ = &$1->base; }
  | KW_SAFEGUARD STRING STRING
                            { jx_safeguard *s = NEW(jx_safeguard, JX_NODE_SAFEGUARD, @$);
                              s->title = *$2; s->text = *$3; $$ = &s->base; }
  ;

sub_target:
    KW_SUB_TARGET STRING "{" { $$ = NEW(jx_sub_target, JX_NODE_SUB_TARGET, @$);
                               $$->title = *$2; }
  | sub_target sub_text      { $$ = $1; if ($2) jx_list_push(ARENA, &$$->texts, $2); }
  ;

sub_text:
    KW_TARGET STRING        { $$ = text_item(PS, JX_NODE_SUB_TARGET_TEXT, @$, $2); }
  | KW_INDICATORS STRING    { $$ = text_item(PS, JX_NODE_SUB_INDICATOR_TEXT, @$, $2); }
  | error                   { $$ = NULL; }
  ;

definition:
    KW_DIMENSION WORD WORD  { jx_dimension *d = NEW(jx_dimension, JX_NODE_DIMENSION, @$);
                              d->name = *make_name(PS, $2, @2);
                              d->alias = *make_name(PS, $3, @3); $$ = &d->base; }
  | KW_UNIT_DEF unit_name WORD precision_opt
                            { jx_unit_def *u = NEW(jx_unit_def, JX_NODE_UNIT_DEF, @$);
                              u->name = *$2; u->dimension = make_name(PS, $3, @3);
                              u->precision = $4; $$ = &u->base; }
  | KW_UNIT_DEF unit_name "＝" NUMBER unit_name
                            { jx_unit_def *u = NEW(jx_unit_def, JX_NODE_UNIT_DEF, @$);
                              u->name = *$2; u->of = $5; u->precision = -1;
                              u->factor_text = $4;
                              parse_number(PS, $4, @4, &u->factor); $$ = &u->base; }
  | KW_FRAMEWORK STRING default_opt "{" fw_groups "}"
                            { jx_framework_def *f = NEW(jx_framework_def, JX_NODE_FRAMEWORK_DEF, @$);
                              f->name = *$2; f->is_default = $3; f->groups = *$5;
                              $$ = &f->base; }
  | KW_LOWER_IS_BETTER strings
                            { jx_name_list *l = NEW(jx_name_list, JX_NODE_LOWER_IS_BETTER, @$);
                              l->names = *$2; $$ = &l->base; }
  | KW_RATIO_NAMES strings  { jx_name_list *l = NEW(jx_name_list, JX_NODE_RATIO_NAMES, @$);
                              l->names = *$2; $$ = &l->base; }
  | KW_NOT_RATIO_NAMES strings
                            { jx_name_list *l = NEW(jx_name_list, JX_NODE_NOT_RATIO_NAMES, @$);
                              l->names = *$2; $$ = &l->base; }
  | KW_SOURCE_DEF source_name WORD
                            { jx_source_def *d = NEW(jx_source_def, JX_NODE_SOURCE_DEF, @$);
                              d->name = *$2; d->kind = *make_name(PS, $3, @3);
                              $$ = &d->base; }
  /* fiscal and other are also the English spellings of 财政资金 and 其他资金,
   * so the scanner reads them as those keywords. */
  | KW_SOURCE_DEF source_name KW_FISCAL
                            { jx_source_def *d = NEW(jx_source_def, JX_NODE_SOURCE_DEF, @$);
                              d->name = *$2; d->kind = *make_name(PS, "财政", @3);
                              $$ = &d->base; }
  | KW_SOURCE_DEF source_name KW_OTHER
                            { jx_source_def *d = NEW(jx_source_def, JX_NODE_SOURCE_DEF, @$);
                              d->name = *$2; d->kind = *make_name(PS, "其他", @3);
                              $$ = &d->base; }
  ;

source_name:
    WORD                    { $$ = make_name(PS, $1, @1); }
  | STRING                  { $$ = make_name(PS, $1->text, @1); }
  ;

unit_name:
    WORD                    { $$ = make_name(PS, $1, @1); }
  | "%"                     { $$ = make_name(PS, "%", @1); }
  ;

precision_opt:
    %empty                  { $$ = -1; }
  | KW_PRECISION NUMBER     { int v = 0;
                              if (!parse_int($2, 0, 18, &v))
                                jx_report(PS->ctx, JX_SEV_ERROR, "J005", @2,
                                          "A precision is a whole number of decimals from 0 to 18, not %s.", $2);
                              $$ = v; }
  ;

default_opt:
    %empty                  { $$ = 0; }
  | KW_DEFAULT              { $$ = 1; }
  ;

required_opt:
    %empty                  { $$ = 0; }
  | KW_REQUIRED             { $$ = 1; }
  ;

fw_groups:
    %empty                  { $$ = list1(PS, NULL); }
  | fw_groups fw_group      { $$ = list_add(PS, $1, $2); }
  ;

fw_group:
    WORD fw_alias required_opt "{" fw_levels "}"
                            { jx_fw_group *g = jx_arena_alloc(ARENA, sizeof *g);
                              g->name = *make_name(PS, $1, @1);
                              g->alias = *make_name(PS, $2, @2);
                              g->required = $3; g->levels = *$5; $$ = g; }
  ;

fw_alias: WORD | GROUP_NAME ;

fw_levels:
    %empty                  { $$ = list1(PS, NULL); }
  | fw_levels WORD WORD     { jx_fw_level *l = jx_arena_alloc(ARENA, sizeof *l);
                              l->name = *make_name(PS, $2, @2);
                              l->alias = *make_name(PS, $3, @3);
                              $$ = list_add(PS, $1, l); }
  ;

strings:
    STRING                  { $$ = list1(PS, $1); }
  | strings "," STRING      { $$ = list_add(PS, $1, $3); }
  ;

agency:
    KW_AGENCY code_opt STRING total_opt
                            { $$ = org_item(PS, JX_NODE_AGENCY, @$, $2, $3, $4);
                              PS->agency = (jx_org *)$$; PS->section = NULL; }
  ;

/* A 类别 line at top level: the projects after it, up to the next 类别 or
 * 单位 line, are grouped under it with an optional subtotal. */
section:
    KW_CATEGORY STRING total_opt
                            { $$ = org_item(PS, JX_NODE_SECTION, @$, NULL, $2, $3);
                              ((jx_org *)$$)->parent = PS->agency;
                              PS->section = (jx_org *)$$; }
  ;

allow:
    KW_ALLOW rule_codes STRING
                            { $$ = make_allow(PS, @$, $2, $3); }
  | KW_ALLOW rule_codes     { jx_diag *d = jx_report(PS->ctx, JX_SEV_ERROR, "J017", @$,
                                "An allowance (允许) needs the reason why the finding "
                                "is accepted.");
                              jx_diag_hint(PS->ctx, d, "Write the reason in quotes after "
                                "the codes: 允许 %s \"原表如此\".", codes_text(PS, $2));
                              $$ = make_allow(PS, @$, $2, NULL); }
  ;

rule_codes:
    RULE_CODE               { $$ = list1(PS, make_name(PS, $1, @1)); }
  | rule_codes "," RULE_CODE
                            { $$ = list_add(PS, $1, make_name(PS, $3, @3)); }
  | rule_codes RULE_CODE    { $$ = list_add(PS, $1, make_name(PS, $2, @2)); }
  ;

total_opt:
    %empty                  { $$ = NULL; }
  | KW_TOTAL amount         { $$ = $2; }
  ;

code:
    CODE                    { $$ = make_name(PS, $1, @1); }
  | NUMBER                  { $$ = make_name(PS, $1, @1); }
  ;

code_opt:
    %empty                  { $$ = NULL; }
  | code
  ;

project:
    project_head "}"        { $$ = $1; $$->base.loc = @$; }
  | project_head %prec MISSING_BRACE
                            { $$ = $1; $$->base.loc = @1;
                              jx_diag *d = jx_report(PS->ctx, JX_SEV_ERROR, "J015", @1,
                                "Project %s is not closed with }.",
                                jx_project_ref(ARENA, $1));
                              jx_diag_hint(PS->ctx, d, "Add } after its last field, "
                                "before the next project or budget unit."); }
  ;

project_head:
    KW_PROJECT code_opt STRING "{"
                            { $$ = NEW(jx_project, JX_NODE_PROJECT, @$);
                              $$->code = $2; $$->name = *$3;
                              $$->agency = PS->agency; $$->section = PS->section; }
  | project_head field      { $$ = $1; if ($2) add_field(PS, $$, $2); }
  ;

field:
    KW_BUDGET amount sources_opt
                            { $$ = budget_item(PS, JX_NODE_BUDGET, @$, $2, $3); }
  | KW_MEDIUM_BUDGET amount sources_opt
                            { $$ = budget_item(PS, JX_NODE_MEDIUM_BUDGET, @$, $2, $3); }
  | KW_TOTAL_FUNDS amount sources_opt
                            { $$ = budget_item(PS, JX_NODE_TOTAL_FUNDS, @$, $2, $3); }
  | KW_OVERVIEW STRING      { $$ = text_item(PS, JX_NODE_OVERVIEW, @$, $2); }
  | KW_LEGAL_BASIS STRING   { $$ = text_item(PS, JX_NODE_LEGAL_BASIS, @$, $2); }
  | KW_PROJECT_TYPE word_or_string
                            { $$ = text_item(PS, JX_NODE_PROJECT_TYPE, @$, $2); }
  | KW_FUNDS_NATURE word_or_string
                            { $$ = text_item(PS, JX_NODE_FUNDS_NATURE, @$, $2); }
  | KW_PARENT_PROJECT STRING
                            { $$ = text_item(PS, JX_NODE_PARENT_PROJECT, @$, $2); }
  | KW_OVERSIGHT STRING     { $$ = text_item(PS, JX_NODE_OVERSIGHT, @$, $2); }
  | KW_NOTES STRING         { $$ = text_item(PS, JX_NODE_NOTES, @$, $2); }
  | KW_CONTACT STRING phone_opt
                            { jx_contact *c = NEW(jx_contact, JX_NODE_CONTACT, @$);
                              c->name = *$2; c->phone = $3; $$ = &c->base; }
  | KW_SCHEDULE "{" stages "}"
                            { jx_schedule *s = NEW(jx_schedule, JX_NODE_SCHEDULE, @$);
                              s->stages = *$3; $$ = &s->base; }
  | KW_LABELLED STRING STRING
                            { jx_labelled *l = NEW(jx_labelled, JX_NODE_LABELLED, @$);
                              l->label = *$2; l->text = *$3; $$ = &l->base; }
  | allow                   { $$ = &$1->base; }
  | KW_PURPOSE STRING       { $$ = text_item(PS, JX_NODE_PURPOSE, @$, $2); }
  | KW_TARGET STRING        { $$ = text_item(PS, JX_NODE_TARGET, @$, $2); }
  | KW_MEDIUM_TARGET STRING { $$ = text_item(PS, JX_NODE_MEDIUM_TARGET, @$, $2); }
  | KW_CATEGORY STRING      { $$ = text_item(PS, JX_NODE_CATEGORY, @$, $2); }
  | KW_CATEGORY STRING KW_TOTAL amount
                            { jx_diag *d = jx_report(PS->ctx, JX_SEV_ERROR, "J015", @$,
                                "This 类别 line with a subtotal (合计) stands inside a "
                                "project.");
                              jx_diag_hint(PS->ctx, d, "A section line stands between "
                                "projects: close the project before it with }.");
                              $$ = NULL; }
  | KW_IMPLEMENTER STRING   { $$ = text_item(PS, JX_NODE_IMPLEMENTER, @$, $2); }
  | KW_SUPERVISOR code_opt STRING
                            { $$ = org_item(PS, JX_NODE_SUPERVISOR, @$, $2, $3, NULL); }
  | KW_PERIOD atoms         { jx_period *p = NEW(jx_period, JX_NODE_PERIOD, @$);
                              jx_period_build(PS, p); $$ = &p->base; }
  | KW_PLAN plan_entries    { jx_plan *p = NEW(jx_plan, JX_NODE_PLAN, @$);
                              p->entries = *$2; $$ = &p->base; }
  | group "}"               { $1->base.loc = @$; $$ = &$1->base; PS->in_group = false; }
  | group %prec MISSING_BRACE
                            { $1->base.loc = @1; $$ = &$1->base; PS->in_group = false;
                              jx_diag *d = jx_report(PS->ctx, JX_SEV_ERROR, "J016", @1,
                                "The indicator group %s is not closed with }.",
                                $1->level1.text);
                              jx_diag_hint(PS->ctx, d, "Add } after its last row, "
                                "before the next group or field."); }
  | error                   { $$ = NULL; }
  ;

word_or_string:
    STRING
  | WORD                    { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->text = $1; $$->loc = @1; }
  ;

phone_opt:
    %empty                  { $$ = NULL; }
  | KW_PHONE STRING         { $$ = $2; }
  ;

stages:
    %empty                  { $$ = list1(PS, NULL); }
  | stages stage            { $$ = list_add(PS, $1, $2); }
  ;

/* One stage of 实施进度: its name, when, and an optional description. */
stage:
    STRING value stage_description_opt
                            { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->loc = @$; $$->name = *$1; $$->when = *$2;
                              $$->description = $3; }
  | error                   { $$ = NULL; }
  ;

stage_description_opt:
    %empty                  { $$ = NULL; }
  | KW_DESCRIPTION STRING   { $$ = $2; }
  ;

amount:
    NUMBER unit_opt         { $$ = make_amount(PS, $1, @1, $2); }
  ;

unit_opt:
    %empty                  { $$ = NULL; }
  | WORD                    { $$ = make_name(PS, $1, @1); }
  ;

sources_opt:
    %empty                  { $$ = NULL; }
  | "(" sources ")"         { $$ = $2; }
  ;

sources:
    source                  { $$ = list1(PS, $1); }
  | sources "," source      { $$ = list_add(PS, $1, $3); }
  ;

/* A source written without an amount is an empty cell, not zero. */
source:
    KW_FISCAL amount_opt sources_opt
                            { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->kind = JX_SOURCE_FISCAL;
                              $$->name = *make_name(PS, "财政资金", @1);
                              $$->amount = $2; if ($3) $$->parts = *$3; }
  | KW_OTHER amount_opt sources_opt
                            { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->kind = JX_SOURCE_OTHER;
                              $$->name = *make_name(PS, "其他资金", @1);
                              $$->amount = $2; if ($3) $$->parts = *$3; }
  | source_name amount_opt sources_opt
                            { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->kind = JX_SOURCE_NAMED; $$->name = *$1;
                              $$->amount = $2; if ($3) $$->parts = *$3; }
  ;

amount_opt:
    %empty                  { $$ = NULL; }
  | amount
  ;

/* The separator between entries may be left out: 3月 25% 6月 50%. */
plan_entries:
    plan_entry              { $$ = list1(PS, $1); }
  | plan_entries "," plan_entry
                            { $$ = list_add(PS, $1, $3); }
  | plan_entries plan_entry { $$ = list_add(PS, $1, $2); }
  ;

plan_entry:
    NUMBER WORD NUMBER "%"  { $$ = plan_entry(PS, $1, @1, $2, @2, $3, @3, @$); }
  | NUMBER WORD NUMBER      { $$ = plan_entry(PS, $1, @1, $2, @2, $3, @3, @$);
                              jx_diag *d = jx_report(PS->ctx, JX_SEV_ERROR, "J013", @3,
                                "The spending-plan percentage %s has no %% sign.", $3);
                              jx_diag_hint(PS->ctx, d, "Write it as %s%%: plan entries are "
                                "cumulative percentages.", $3); }
  | WORD NUMBER "%"         { $$ = period_entry(PS, $1, @1, $2, @2, @$); }
  ;

medium_opt:
    %empty                  { $$ = 0; }
  | KW_MEDIUM               { $$ = 1; }
  ;

group_head:
    medium_opt GROUP_NAME "{" { if (!$1) @$ = span(@2, @3); PS->in_group = true;
                              $$ = NEW(jx_group, JX_NODE_GROUP, @$);
                              $$->level1 = *make_name(PS, $2, @2); $$->medium_term = $1; }
  | medium_opt KW_TABLE "{" { if (!$1) @$ = span(@2, @3); PS->in_group = true;
                              $$ = NEW(jx_group, JX_NODE_GROUP, @$);
                              $$->level1 = *make_name(PS, "绩效指标", @2);
                              $$->medium_term = $1; $$->flat = true; }
  ;

group:
    group_head
  | group row               { $$ = $1; if ($2) add_row(PS, $$, $2, false); }
  | group flat_row          { $$ = $1; if ($2) add_row(PS, $$, $2, true); }
  ;

/* A second level is a word followed by the indicator's name (the scanner
 * tells LEVEL from a value's wording by what follows it). */
level_word:
    LEVEL                   { $$ = make_name(PS, $1, @1); }
  ;

row:
    level_word KW_NA        { $$ = make_row(PS, @$, $1, NULL,
                                            simple_value(PS, JX_VALUE_NA, @2), NULL); }
  | level_word KW_BLANK attrs %prec MISSING_BRACE
                            { $$ = make_row(PS, @$, $1, blank_cell(PS, @2),
                                            simple_value(PS, JX_VALUE_BLANK, @2), $3);
                              $$->blank_name = true; }
  | level_word STRING value attrs %prec MISSING_BRACE
                            { $$ = make_row(PS, @$, $1, $2, $3, $4); }
  | level_word KW_BLANK value attrs %prec MISSING_BRACE
                            { $$ = make_row(PS, @$, $1, blank_cell(PS, @2), $3, $4);
                              $$->blank_name = true; }
  | error                   { $$ = NULL; }
  ;

/* A row of a flat table (绩效指标): no levels, just name and value. */
flat_row:
    KW_INDICATORS STRING value attrs %prec MISSING_BRACE
                            { $$ = make_row(PS, @$, make_name(PS, "", @1), $2, $3, $4); }
  | KW_INDICATORS KW_BLANK attrs %prec MISSING_BRACE
                            { $$ = make_row(PS, @$, make_name(PS, "", @1), blank_cell(PS, @2),
                                            simple_value(PS, JX_VALUE_BLANK, @2), $3);
                              $$->blank_name = true; }
  | KW_INDICATORS KW_BLANK value attrs %prec MISSING_BRACE
                            { $$ = make_row(PS, @$, make_name(PS, "", @1),
                                            blank_cell(PS, @2), $3, $4);
                              $$->blank_name = true; }
  ;

attrs:
    %empty                  { $$ = NULL; }
  | attrs attr              { $$ = $1 ? list_add(PS, $1, $2) : list1(PS, $2); }
  ;

attr:
    KW_DESCRIPTION STRING   { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->kind = KW_DESCRIPTION; $$->loc = @1; $$->text = $2; }
  | KW_BASIS STRING         { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->kind = KW_BASIS; $$->loc = @1; $$->text = $2; }
  | KW_STANDARD STRING      { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->kind = KW_STANDARD; $$->loc = @1; $$->text = $2; }
  | KW_LONG_TERM value      { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->kind = KW_LONG_TERM; $$->loc = @1;
                              $$->value = jx_arena_alloc(ARENA, sizeof *$$->value);
                              *$$->value = *$2; }
  | allow                   { $$ = jx_arena_alloc(ARENA, sizeof *$$);
                              $$->kind = KW_ALLOW; $$->loc = @1; $$->allow = $1; }
  ;

/* A value is read as a run of atoms (signs, numbers, units, dates, words)
 * and built in parse_value.c, which knows the forms clerks write: ≥ 95%,
 * 10 (no unit), 2023年7月至2024年1月, ≥95% 以上, 12月底前 100% 到位. */
value:
    atoms                   { $$ = build_value(PS, 0, 0, @$); }
  | KW_BY atoms             { $$ = build_value(PS, KW_BY, 0, @$); }
  | KW_MONTHLY atoms        { $$ = build_value(PS, KW_MONTHLY, 0, @$); }
  | RELATIVE                { $$ = simple_value(PS, JX_VALUE_RELATIVE, @$);
                              $$->relative = (jx_relative)$1; }
  | RELATIVE atoms          { $$ = build_value(PS, RELATIVE, $1, @$); }
  | RELATIVE wording        { $$ = build_value(PS, RELATIVE, $1, @$); }
  | STRING                  { $$ = simple_value(PS, JX_VALUE_TEXT, @$); $$->text = *$1; }
  | KW_NA                   { $$ = simple_value(PS, JX_VALUE_NA, @$); }
  | KW_BLANK                { $$ = simple_value(PS, JX_VALUE_BLANK, @$); }
  ;

atoms:
    sign                    { jx_atom_add(PS, true, $1, NULL, @1); }
  | NUMBER                  { jx_atom_add(PS, true, NUMBER, $1, @1); }
  | PLACEHOLDER             { jx_atom_add(PS, true, PLACEHOLDER, $1, @1); }
  | DATE                    { jx_atom_add(PS, true, DATE, $1, @1); }
  | atoms sign              { jx_atom_add(PS, false, $2, NULL, @2); }
  | atoms NUMBER            { jx_atom_add(PS, false, NUMBER, $2, @2); }
  | atoms PLACEHOLDER       { jx_atom_add(PS, false, PLACEHOLDER, $2, @2); }
  | atoms DATE              { jx_atom_add(PS, false, DATE, $2, @2); }
  | atoms "%"               { jx_atom_add(PS, false, PERCENT, NULL, @2); }
  | atoms "/"               { jx_atom_add(PS, false, SLASH, NULL, @2); }
  | atoms WORD              { jx_atom_add(PS, false, WORD, $2, @2); }
  | atoms KW_TO             { jx_atom_add(PS, false, KW_TO, NULL, @2); }
  ;

/* Words alone after 较上年…: 较上年提升 明显. */
wording:
    WORD                    { jx_atom_add(PS, true, WORD, $1, @1); }
  | wording WORD            { jx_atom_add(PS, false, WORD, $2, @2); }
  ;

sign:
    GE                      { $$ = GE; }
  | LE                      { $$ = LE; }
  | GT                      { $$ = GT; }
  | LT                      { $$ = LT; }
  | EQ                      { $$ = EQ; }
  ;

%%

static void add_item(jx_parse_state *ps, jx_node *n) {
  if (n->kind == JX_NODE_PROJECT) {
    jx_project *p = (jx_project *)n;
    if (p->agency) {
      jx_list_push(ps->arena, &p->agency->projects, p);
    } else {
      jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J012",
                             p->code ? p->code->loc : p->name.loc,
                             "Project %s comes before any budget unit (单位) "
                             "in this file.", jx_project_ref(ps->arena, p));
      jx_diag_hint(ps->ctx, d,
                   "Add a line such as 单位 324001 \"单位名称\" above it: every "
                   "project belongs to the budget unit declared before it in the "
                   "same file.");
    }
  }
  if (n->kind == JX_NODE_PROJECT && ((jx_project *)n)->section)
    jx_list_push(ps->arena, &((jx_project *)n)->section->projects, n);
  jx_list_push(ps->arena, &ps->result->items, n);
}

static jx_list *list1(jx_parse_state *ps, void *item) {
  jx_list *l = jx_arena_alloc(ps->arena, sizeof *l);
  if (item) jx_list_push(ps->arena, l, item);
  return l;
}

static jx_list *list_add(jx_parse_state *ps, jx_list *l, void *item) {
  if (item) jx_list_push(ps->arena, l, item);
  return l;
}

static jx_name *make_name(jx_parse_state *ps, const char *text, jx_loc loc) {
  jx_name *n = jx_arena_alloc(ps->arena, sizeof *n);
  n->text = text;
  n->loc = loc;
  return n;
}

static bool parse_number(jx_parse_state *ps, const char *text, jx_loc loc,
                         jx_decimal *out) {
  if (jx_decimal_parse(text, strlen(text), out)) return true;
  jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J005", loc,
                         "The number %s is too large or has too many decimals.", text);
  jx_diag_hint(ps->ctx, d,
               "Amounts may have at most 18 significant digits and 18 decimals; "
               "write large amounts in a larger unit such as 万元.");
  *out = jx_decimal_from_int(0);
  return false;
}

static jx_amount *make_amount(jx_parse_state *ps, const char *num, jx_loc numloc,
                              jx_name *unit) {
  jx_amount *a = jx_arena_alloc(ps->arena, sizeof *a);
  parse_number(ps, num, numloc, &a->value);
  a->text = num;
  a->unit = unit;
  a->loc = numloc;
  if (unit) a->loc.last_line = unit->loc.last_line, a->loc.last_column = unit->loc.last_column;
  return a;
}

static jx_node *text_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                          jx_string *s) {
  jx_text_item *t = (jx_text_item *)jx_node_new(ps->arena, kind, sizeof *t, loc);
  t->text = *s;
  t->resolved_file = -1;
  return &t->base;
}

static jx_node *org_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                         jx_name *code, jx_string *name, jx_amount *total) {
  jx_org *o = (jx_org *)jx_node_new(ps->arena, kind, sizeof *o, loc);
  o->code = code;
  o->name = *name;
  o->total = total;
  return &o->base;
}

static jx_node *budget_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                            jx_amount *amount, jx_list *sources) {
  jx_budget *b = (jx_budget *)jx_node_new(ps->arena, kind, sizeof *b, loc);
  b->amount = *amount;
  if (sources) b->sources = *sources;
  return &b->base;
}

static bool parse_int(const char *text, int lo, int hi, int *out) {
  char *end;
  long v = strtol(text, &end, 10);
  if (*end || v < lo || v > hi) return false;
  *out = (int)v;
  return true;
}

static jx_plan_entry *plan_entry(jx_parse_state *ps, const char *month,
                                 jx_loc mloc, const char *word, jx_loc wloc,
                                 const char *pct, jx_loc ploc, jx_loc loc) {
  jx_plan_entry *e = jx_arena_alloc(ps->arena, sizeof *e);
  e->loc = loc;
  e->percent_text = pct;
  parse_number(ps, pct, ploc, &e->percent);
  if (strcmp(word, "月底") == 0)
    e->month_end = true;
  else if (strcmp(word, "月") != 0 && strcmp(word, "月份") != 0) { /* 3月份 is 3月 */
    jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J013", wloc,
                           "A spending-plan entry names a month, such as 3月 or "
                           "3月底, not \"%s%s\".", month, word);
    jx_diag_hint(ps->ctx, d, "Write each entry as a month and a cumulative "
                             "percentage: 支出计划 3月 25%%, 6月 50%%.");
  }
  if (!parse_int(month, 1, 12, &e->month)) {
    jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J013", mloc,
                           "\"%s\" is not a month; months are 1 to 12.", month);
    jx_diag_hint(ps->ctx, d, "Write the month as a whole number from 1 to 12.");
  }
  return e;
}


/* A plan entry written with a quarter or half year (一季度 30%): the month it
 * ends is meant, and the plan counts by months; say which. */
static jx_plan_entry *period_entry(jx_parse_state *ps, const char *word, jx_loc wloc,
                                   const char *pct, jx_loc ploc, jx_loc loc) {
  static const struct { const char *word; int month; } periods[] = {
      {"一季度", 3}, {"第一季度", 3}, {"二季度", 6}, {"第二季度", 6}, {"上半年", 6},
      {"三季度", 9}, {"第三季度", 9}, {"四季度", 12}, {"第四季度", 12}, {"下半年", 12},
      {"全年", 12}, {"年底", 12}, {"年末", 12}};
  int month = 0;
  for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++)
    if (!strcmp(word, periods[i].word)) month = periods[i].month;
  jx_plan_entry *e = jx_arena_alloc(ps->arena, sizeof *e);
  e->loc = loc;
  e->percent_text = pct;
  e->month = month ? month : 12;
  parse_number(ps, pct, ploc, &e->percent);
  jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J013", wloc,
                         "A spending-plan entry names a month, not \"%s\".", word);
  if (month)
    jx_diag_hint(ps->ctx, d, "Write the month %s ends: %d月 %s%% (the plan is cumulative, "
                             "month by month).", word, month, pct);
  else
    jx_diag_hint(ps->ctx, d, "Write each entry as a month and a cumulative percentage: "
                             "支出计划 3月 25%%, 6月 50%%.");
  return e;
}

/* "J141, J132": the codes of an allowance as written back in a hint. */
static const char *codes_text(jx_parse_state *ps, const jx_list *codes) {
  const char *s = "";
  for (size_t i = 0; i < codes->len; i++)
    s = jx_arena_printf(ps->arena, "%s%s%s", s, i ? _(", ") : "",
                        ((const jx_name *)codes->items[i])->text);
  return s;
}

static jx_string *blank_cell(jx_parse_state *ps, jx_loc loc) {
  jx_string *s = jx_arena_alloc(ps->arena, sizeof *s);
  s->text = "";
  s->loc = loc;
  return s;
}

/* A value in the scratch ring: rows and stages copy it into themselves, so
 * it needs no memory of its own (a 长期 value is copied to the arena). */
static jx_value *simple_value(jx_parse_state *ps, jx_value_kind kind, jx_loc loc) {
  jx_value *v = &ps->scratch[ps->nscratch++ % (sizeof ps->scratch / sizeof ps->scratch[0])];
  memset(v, 0, sizeof *v);
  v->kind = kind;
  v->loc = loc;
  v->wording = "";
  return v;
}

static jx_value *build_value(jx_parse_state *ps, int prefix, int relative,
                             jx_loc loc) {
  jx_value *v = simple_value(ps, JX_VALUE_QUANTITY, loc);
  jx_value_build(ps, prefix, relative, v);
  return v;
}

static jx_allow *make_allow(jx_parse_state *ps, jx_loc loc, jx_list *codes,
                            jx_string *reason) {
  jx_allow *a = (jx_allow *)jx_node_new(ps->arena, JX_NODE_ALLOW, sizeof *a, loc);
  a->codes = *codes;
  if (reason)
    a->reason = *reason;
  else
    a->reason.text = "", a->reason.loc = loc;
  return a;
}

/* Rows of a flat table (绩效指标) start with 指标, rows of a levelled group
 * with their second level; a row of the other kind is reported once. */
static void add_row(jx_parse_state *ps, jx_group *g, jx_row *r, bool flat) {
  if (flat != g->flat) {
    jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J018", r->base.loc, flat
        ? N_("A row of a flat table (指标 \"…\") stands in the indicator group %s, "
             "whose rows start with their second level.")
        : N_("A row with a second level (%s) stands in a flat table (绩效指标), "
             "whose rows start with 指标."),
        flat ? g->level1.text : r->level2.text);
    jx_diag_hint(ps->ctx, d, flat
        ? N_("Write the row as 数量指标 \"名称\" ≥ 10 个, or put it in a 绩效指标 { … } "
             "table.")
        : N_("Write the row as 指标 \"名称\" ≥ 10 个, or put it in a group such as "
             "产出指标 { … }."));
  }
  jx_list_push(ps->arena, &g->rows, r);
}

static jx_row *make_row(jx_parse_state *ps, jx_loc loc, jx_name *level,
                        jx_string *name, jx_value *value, jx_list *attrs) {
  jx_row *r = (jx_row *)jx_node_new(ps->arena, JX_NODE_ROW, sizeof *r, loc);
  r->level2 = *level;
  r->value = *value;
  if (name) {
    r->name = *name;
    size_t n = jx_ordinal_length(name->text);
    if (n) {
      r->ordinal = jx_arena_strndup(ps->arena, name->text, n);
      r->name.text = name->text + n;
    }
  } else {
    r->not_applicable_row = true;
    r->name.text = "不涉及";
    r->name.loc = value->loc;
  }
  for (size_t i = 0; attrs && i < attrs->len; i++) {
    jx_attr *a = attrs->items[i];
    if (a->kind == KW_ALLOW) {
      jx_list_push(ps->arena, &r->allows, a->allow);
      continue;
    }
    if (a->kind == KW_LONG_TERM) {
      if (r->long_term) {
        jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J011", a->loc,
                               "The indicator \"%s\" has 长期 twice.", r->name.text);
        jx_diag_note_add(ps->ctx, d, r->long_term->loc, "the first 长期 value is here");
        jx_diag_hint(ps->ctx, d, "Keep one 长期 value and delete the other.");
        continue;
      }
      r->long_term = a->value;
      continue;
    }
    jx_string **slot = a->kind == KW_DESCRIPTION ? &r->description
                       : a->kind == KW_BASIS     ? &r->basis
                                                 : &r->standard;
    if (*slot) {
      const char *kw = a->kind == KW_DESCRIPTION ? "描述" : a->kind == KW_BASIS ? "依据" : "标准";
      jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J011", a->loc,
                             "The indicator \"%s\" has %s twice.", r->name.text, kw);
      jx_diag_note_add(ps->ctx, d, (*slot)->loc, "the first %s is here", kw);
      jx_diag_hint(ps->ctx, d, "Keep one %s and delete the other.", kw);
      continue;
    }
    *slot = a->text;
  }
  return r;
}

/* Fields a project may have once (groups, 允许 and 栏目 may repeat). */
static bool single_field(jx_node_kind kind) {
  switch (kind) {
    case JX_NODE_GROUP:
    case JX_NODE_ALLOW:
    case JX_NODE_LABELLED:
      return false;
    default:
      return true;
  }
}

static void add_field(jx_parse_state *ps, jx_project *p, jx_node *f) {
  const char *kw = jx_node_keyword(f->kind);
  jx_node *prev = single_field(f->kind) ? jx_project_field(p, f->kind) : NULL;
  if (prev) {
    jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J011", f->loc,
                           "Project %s has %s twice.", jx_project_id(ps->arena, p), kw);
    jx_diag_note_add(ps->ctx, d, prev->loc, "the first %s is here", kw);
    jx_diag_hint(ps->ctx, d, "Keep one %s line and delete the other.", kw);
    return;
  }
  jx_project_add_field(ps->arena, p, f);
}

const char *jx_token_name(int token) {
  return yysymbol_name(YYTRANSLATE(token));
}

/* One token name from bison's message, in the words of the message: "a
 * number", or the keyword or sign itself in quotes. With text, the bare
 * name and the text itself: "name "项木"". Translated here; bison's own
 * message is always English (its runtime domain is not used), so the
 * token names read back from it are the aliases of the grammar. */
static const char *describe_token(jx_parse_state *ps, const char *name,
                                  size_t len, bool with_text) {
  static const struct { const char *token, *words, *bare; } kinds[] = {
      {"name", N_("a name"), N_("name")},
      {"number", N_("a number"), N_("number")},
      {"string", N_("a string"), N_("string")},
      {"code", N_("a code"), N_("code")},
      {"date", N_("a date"), N_("date")},
      {"group name", N_("an indicator group"), N_("indicator group")},
      {"indicator level", N_("a name"), N_("name")},
      {"placeholder", N_("a placeholder"), N_("placeholder")},
      {"end of file", N_("the end of the file"), N_("end of the file")},
      {"较上年…", N_("a 较上年… value"), N_("较上年… value")},
      {"rule code", N_("a rule code"), N_("rule code")}};
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (strlen(kinds[i].token) == len && !strncmp(kinds[i].token, name, len)) {
      if (!with_text) return _(kinds[i].words);
      /* "Unexpected name "项木"": no article, and the text itself. */
      const char *bare = _(kinds[i].bare);
      if (ps->last_text && i < 8 && ps->last_token != STRING)
        /* TRANSLATORS: what was found, as "name "项木"": the kind of token
           and the text the source has there. */
        return jx_arena_printf(ps->arena, _("%s \"%s\""), bare, ps->last_text);
      return bare;
    }
  return jx_arena_printf(ps->arena, "\"%.*s\"", (int)len, name);
}

/* Rewrites bison's "syntax error, unexpected X, expecting A or B or C" as a
 * sentence ("Unexpected name "项木" here; expected a number, "(" or ")"."),
 * and suggests a keyword for a misspelt one. Each form of the sentence is
 * one message, so that it translates whole; only the list of alternatives
 * is joined from pieces ("A, B or C"). */
void jx_yyerror(JX_YYLTYPE *loc, yyscan_t scanner, const char *msg) {
  jx_parse_state *ps = jx_yyget_extra(scanner);
  static const char unexpected[] = "syntax error, unexpected ";
  static const char expecting[] = ", expecting ";
  const char *full = msg;
  if (!strncmp(msg, unexpected, sizeof unexpected - 1)) {
    const char *u = msg + sizeof unexpected - 1;
    const char *e = strstr(u, expecting);
    size_t ulen = e ? (size_t)(e - u) : strlen(u);
    const char *found = describe_token(ps, u, ulen, true);
    full = jx_arena_printf(ps->arena, _("Unexpected %s here."), found);
    if (e) {
      e += sizeof expecting - 1;
      /* Collect the alternatives separated by " or ". */
      const char *alts[8];
      size_t lens[8], n = 0;
      while (*e && n < 8) {
        const char *sep = strstr(e, " or ");
        size_t l = sep ? (size_t)(sep - e) : strlen(e);
        alts[n] = e;
        lens[n++] = l;
        e += l + (sep ? 4 : 0);
        if (!sep) break;
      }
      bool unit_only = n == 2 && lens[0] == 4 && !strncmp(alts[0], "name", 4) &&
                       lens[1] == 1 && alts[1][0] == '%';
      if (unit_only) {
        full = jx_arena_printf(ps->arena,
                               _("Unexpected %s here; expected a unit such as 次, 人, "
                                 "万元 or %%."), found);
      } else {
        const char *list = "";
        for (size_t i = 0; i < n; i++)
          /* TRANSLATORS: the separators of a list of alternatives, "A, B or C". */
          list = jx_arena_printf(ps->arena, "%s%s%s", list,
                                 i == 0 ? "" : i + 1 == n ? _(" or ") : _(", "),
                                 describe_token(ps, alts[i], lens[i], false));
        full = jx_arena_printf(ps->arena, _("Unexpected %s here; expected %s."),
                               found, list);
      }
    }
  } else if (!strcmp(msg, "memory exhausted")) {
    /* Bison's other messages, in the words of ours. */
    full = _("The file nests too deeply to be read (the parser ran out of memory).");
  } else {
    full = _("Syntax error.");
  }
  jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J010", *loc, "%s", full);
  /* The token before the unexpected one says most about what was meant. */
  const int before = ps->history[1];
  size_t line_len = 0;
  const char *line = jx_source_line(ps->src, loc->first_line,
                                    &line_len);
  size_t tabs = 0;
  for (size_t i = 0; i < line_len; i++) tabs += line[i] == '\t';
  if (tabs >= 2) {
    jx_diag_hint(ps->ctx, d, "This line looks like a row pasted from a spreadsheet (its "
                             "cells are separated by tabs). Write an indicator row as: "
                             "数量指标 \"解答来电次数\" ≥ 7000 次  描述 \"…\"  依据 \"…\".");
  } else if (ps->last_text && !strncmp(ps->last_text, "百分之", strlen("百分之"))) {
    jx_diag_hint(ps->ctx, d, "Write a percentage with the sign: 95%% rather than 百分之95.");
  } else if (before == KW_LONG_TERM) {
    jx_diag_hint(ps->ctx, d, "长期 is followed by the long-term value, such as 长期 ≥ 900 "
                             "人次, or 长期 空白 when the cell is empty.");
  } else if (before == KW_ALLOW) {
    jx_diag_hint(ps->ctx, d, "Name the rules first, then the reason: 允许 J113 "
                             "\"合同约定质保金次年支付\".");
  } else if (before == KW_LABELLED || (ps->history[2] == KW_LABELLED && before == STRING)) {
    jx_diag_hint(ps->ctx, d, "栏目 takes a label and a text, both in quotes: 栏目 "
                             "\"绩效标准类型\" \"计划标准\".");
  } else if (ps->history[2] == KW_SOURCE_DEF) {
    jx_diag_hint(ps->ctx, d, "Say which column the source counts in after its name: "
                             "财政 (财政资金) or 其他 (其他资金), as in 资金来源 彩票公益金 财政.");
  } else if (ps->schedule_depth && before == STRING) {
    jx_diag_hint(ps->ctx, d, "A stage of 实施进度 gives its name, then when: \"前期准备\" "
                             "2025年1月至3月 描述 \"完成招标\".");
  } else if (ps->schedule_depth && ps->last_token == WORD) {
    jx_diag_hint(ps->ctx, d, "A stage's name is written in quotes: \"%s\" 2025年1月至3月.",
                 ps->last_text ? ps->last_text : "前期准备");
  } else if (ps->in_group && before == STRING && ps->last_token == WORD) {
    jx_diag_hint(ps->ctx, d, "A value that is words is a text: write it in quotes, "
                             "\"%s\".", ps->last_text ? ps->last_text : "…");
  } else if ((ps->last_token == WORD || ps->last_token == LEVEL) && ps->last_text) {
    const char *kw = jx_keyword_suggest(ps->last_text);
    if (kw)
      jx_diag_hint(ps->ctx, d, "Did you mean the keyword %s?", kw);
    else if (ps->in_group && ps->last_token == WORD)
      jx_diag_hint(ps->ctx, d, "An indicator row starts with its second level and "
                               "the indicator's name in quotes: %s \"名称\" ≥ 7000 次 "
                               "(空白 for a name left empty).", ps->last_text);
  } else if (ps->last_token == STRING) {
    jx_diag_hint(ps->ctx, d, "Is a keyword missing before this text, or is one "
                             "text split into two quoted parts?");
  } else if (ps->last_token == KW_PROJECT || ps->last_token == KW_AGENCY) {
    jx_diag_hint(ps->ctx, d, "Is the previous project's { closed with }?");
  }
  /* A misspelt keyword read as a name shortly before the error is the
   * likely cause, even when the error shows only later. */
  for (size_t i = 0; !d->hint && i < JX_RECENT_WORDS && i < ps->nrecent; i++) {
    const jx_recent_word *w = &ps->recent[(ps->nrecent - 1 - i) % JX_RECENT_WORDS];
    const char *kw = ps->ntokens - w->token <= 8 ? jx_keyword_suggest(w->text) : NULL;
    if (kw)
      jx_diag_hint(ps->ctx, d, "\"%s\" at line %d, column %d is not a keyword; "
                               "did you mean %s?", w->text, w->loc.first_line,
                   w->loc.first_column, kw);
  }
}
