/* The year-over-year diff's model (diff.h): name normalisation, every step
 * of matching, exact amounts and percentages, the direction of retargeted
 * indicators (units converted, 逆向指标, costs, deadlines relative to the
 * budget year), spending plans and texts. Each case compares two small
 * documents written here. */
#include <stdlib.h>

#include "check.h"
#include "ctx.h"
#include "diff.h"
#include "document.h"
#include "library.h"
#include "parse.h"
#include "textdiff.h"

static jx_ctx *ctx;
static jx_library lib;

static jx_document *doc_of(const char *text) {
  jx_document *d = jx_arena_alloc(ctx->arena, sizeof *d);
  int id = jx_source_add(ctx, "test.jx", text, strlen(text));
  int before = ctx->nerrors;
  jx_file *f = jx_parse(ctx, id);
  jx_list_push(ctx->arena, &d->files, f);
  jx_list_push(ctx->arena, &d->roots, f);
  if (ctx->nerrors != before) {
    fprintf(stderr, "syntax errors in:\n%s\n", text);
    check_failures++;
  }
  return d;
}

static jx_diff *diff_pinned(const char *old_text, const char *new_text, const jx_list *pins,
                            const char **why) {
  jx_diff_input o = {"old.jx", doc_of(old_text), NULL};
  jx_diff_input n = {"new.jx", doc_of(new_text), NULL};
  jx_diff_options opt = {pins};
  return jx_diff_build(ctx, &lib, &o, &n, &opt, why);
}

static jx_diff *diff(const char *old_text, const char *new_text) {
  const char *why = NULL;
  jx_diff *d = diff_pinned(old_text, new_text, NULL, &why);
  CHECK(d != NULL);
  return d;
}

static const char *header = "部门 \"测试局\"\n年度 %d\n金额单位 %s\n单位 100001 \"本级\"\n";

/* A document of one unit with the given projects. */
static const char *doc(int year, const char *unit, const char *projects) {
  return jx_arena_printf(ctx->arena, "%s%s",
                         jx_arena_printf(ctx->arena, header, year, unit), projects);
}

/* The only project that differs, or NULL. */
static const jx_diff_project *only_project(const jx_diff *d) {
  const jx_diff_project *found = NULL;
  int n = 0;
  for (size_t i = 0; i < d->units.len; i++) {
    const jx_diff_unit *u = d->units.items[i];
    for (size_t k = 0; k < u->projects.len; k++, n++) found = u->projects.items[k];
  }
  return n == 1 ? found : NULL;
}

static const jx_diff_indicator *only_indicator(const jx_diff *d) {
  const jx_diff_project *p = only_project(d);
  CHECK(p != NULL);
  if (!p || p->indicators.len != 1) {
    fprintf(stderr, "want one indicator change, have %zu\n", p ? p->indicators.len : 0);
    check_failures++;
    return NULL;
  }
  return p->indicators.items[0];
}

/* One project with one row in each group; `row` is the row of 产出指标. */
static const char *project(const char *code_and_name, const char *budget, const char *row) {
  return jx_arena_printf(ctx->arena,
                         "项目 %s {\n  预算 %s\n  目标 \"保障运转。\"\n"
                         "  产出指标 {\n    %s\n    质量指标 \"合格率\" ≥ 95%%\n  }\n"
                         "  效益指标 { 社会效益指标 \"服务水平\" 较上年提升 }\n"
                         "  满意度指标 { 服务对象满意度指标 \"满意度\" ≥ 90%% }\n}\n",
                         code_and_name, budget, row);
}

/* The direction of the change of one row's value, from old to new. */
static jx_direction direction(const char *old_row, const char *new_row) {
  jx_diff *d = diff(doc(2025, "万元", project("\"甲\"", "10.00", old_row)),
                    doc(2025, "万元", project("\"甲\"", "10.00", new_row)));
  const jx_diff_project *p = only_project(d);
  if (!p) return JX_DIR_NONE;
  if (p->indicators.len != 1) return JX_DIR_NONE;
  return ((const jx_diff_indicator *)p->indicators.items[0])->value.direction;
}

static const char *norm(const char *s) { return jx_diff_normalise_name(ctx->arena, s); }

int main(void) {
  /* The scratch arena the diff resets for each project reuses its memory:
   * after a reset, the next allocation is where the first one was. */
  jx_arena *scratch = jx_arena_new();
  char *first = jx_arena_strdup(scratch, "甲");
  for (int i = 0; i < 1000; i++) jx_arena_alloc(scratch, 1000); /* several chunks */
  jx_arena_reset(scratch);
  char *again = jx_arena_strdup(scratch, "乙");
  CHECK(again == first);
  CHECK_STR(first, "乙");
  CHECK(jx_arena_alloc(scratch, 200000) != NULL); /* larger than any spare chunk */
  jx_arena_free(scratch);

  ctx = jx_ctx_new();
  const char *stdlib = getenv("JIXIAO_STDLIB");
  const char *why = NULL;
  CHECK(jx_library_load(ctx, stdlib ? stdlib : "stdlib", &lib, &why));

  /* Normalised names: spaces, widths, punctuation and year numbers go. */
  CHECK_STR(norm("2024 年消防设施修缮项目"), "消防设施修缮项目");
  CHECK_STR(norm("2025年度消防设施修缮项目"), "消防设施修缮项目");
  CHECK_STR(norm("承德市戒毒所（原劳教所）扩建工程"), norm("承德市戒毒所(原劳教所)扩建工程"));
  CHECK_STR(norm("“四区五中心”建设项目"), "四区五中心建设项目");
  CHECK_STR(norm("12348 法律服务热线"), "12348法律服务热线"); /* not a year */
  CHECK_STR(norm("ＡＢＣ　经费"), "abc经费");
  CHECK_STR(norm("2024-2026 年三年行动"), "三年行动");

  /* The same document: no differences. */
  const char *a = doc(2025, "万元", project("13080025P00010310003N \"热线\"", "22.50 (财政资金 22.50)",
                                            "数量指标 \"来电次数\" ≥ 7000 次"));
  jx_diff *d = diff(a, a);
  CHECK(!d->differs);
  CHECK_INT(d->counts.same, 1);

  /* Budget and funding sources: exact change and percent. */
  d = diff(doc(2025, "万元", project("\"甲\"", "3.00 (财政资金 2.00, 其他资金 1.00)", "数量指标 \"次数\" 1 次")),
           doc(2025, "万元", project("\"甲\"", "4.00 (财政资金 2.00, 其他资金 2.00)", "数量指标 \"次数\" 1 次")));
  const jx_diff_project *p = only_project(d);
  CHECK(p && p->money_changed);
  if (p) {
    const jx_diff_money *m = p->money.items[0];
    CHECK_STR(m->label, "预算");
    CHECK_STR(m->change_text, "+1.00");
    CHECK_STR(m->percent_text, "+33.3%");
    CHECK_STR(m->percent_exact, "33.33");
    const jx_diff_money *other = p->money.items[2];
    CHECK_STR(other->label, "其他资金");
    CHECK_STR(other->percent_text, "+100.0%");
    CHECK(!((const jx_diff_money *)p->money.items[1])->changed);
  }
  /* Rounding half away from zero, on the exact value: 1/8 = 12.5 %. */
  d = diff(doc(2025, "万元", project("\"甲\"", "8.00", "数量指标 \"次数\" 1 次")),
           doc(2025, "万元", project("\"甲\"", "7.00", "数量指标 \"次数\" 1 次")));
  p = only_project(d);
  if (p) {
    CHECK_STR(((const jx_diff_money *)p->money.items[0])->percent_text, "-12.5%");
    CHECK_STR(((const jx_diff_money *)p->money.items[0])->change_text, "-1.00");
  }
  d = diff(doc(2025, "万元", project("\"甲\"", "3.00", "数量指标 \"次数\" 1 次")),
           doc(2025, "万元", project("\"甲\"", "2.00", "数量指标 \"次数\" 1 次")));
  p = only_project(d);
  if (p) CHECK_STR(((const jx_diff_money *)p->money.items[0])->percent_exact, "-33.33");
  /* An empty source cell is not zero, and a source that appears is new. */
  d = diff(doc(2025, "万元", project("\"甲\"", "3.00 (财政资金 3.00, 其他资金)", "数量指标 \"次数\" 1 次")),
           doc(2025, "万元", project("\"甲\"", "3.00 (财政资金 3.00, 其他资金 0.00)", "数量指标 \"次数\" 1 次")));
  p = only_project(d);
  CHECK(p && p->money_changed);
  /* Department totals. */
  d = diff(doc(2025, "万元", project("\"甲\"", "1.00", "数量指标 \"次数\" 1 次")),
           doc(2025, "万元", project("\"甲\"", "1.50", "数量指标 \"次数\" 1 次")));
  CHECK_STR(((const jx_diff_money *)d->money.items[0])->change_text, "+0.50");
  CHECK_STR(((const jx_diff_money *)d->money.items[0])->percent_text, "+50.0%");

  /* Units converted before comparing: 22.5 万元 is 225000 元, and a
   * budget in a document kept in 元 equals the same budget in 万元. */
  CHECK_INT(direction("成本指标 \"总成本\" ≤ 22.5 万元", "成本指标 \"总成本\" ≤ 225000 元"), JX_DIR_NONE);
  d = diff(doc(2025, "万元", project("\"甲\"", "22.50", "成本指标 \"总成本\" ≤ 22.5 万元")),
           doc(2025, "元", project("\"甲\"", "225000.00", "成本指标 \"总成本\" ≤ 225000 元")));
  CHECK_INT(d->counts.same, 1);
  CHECK(d->differs); /* the 金额单位 itself changed */
  CHECK_INT(direction("数量指标 \"长度\" ≥ 1.6 公里", "数量指标 \"长度\" ≥ 1600 米"), JX_DIR_NONE);
  CHECK_INT(direction("数量指标 \"长度\" ≥ 1.6 公里", "数量指标 \"长度\" ≥ 1500 米"), JX_DIR_LOOSER);
  CHECK_INT(direction("质量指标 \"合格率\" ≥ 0.97 比例", "质量指标 \"合格率\" ≥ 97%"), JX_DIR_NONE);

  /* Directions. */
  CHECK_INT(direction("数量指标 \"次数\" ≥ 6000 次", "数量指标 \"次数\" ≥ 7000 次"), JX_DIR_TIGHTER);
  CHECK_INT(direction("数量指标 \"次数\" ≥ 7000 次", "数量指标 \"次数\" ≥ 6000 次"), JX_DIR_LOOSER);
  CHECK_INT(direction("数量指标 \"次数\" 20 套", "数量指标 \"次数\" 15 套"), JX_DIR_LOOSER);
  CHECK_INT(direction("时效指标 \"受理日期\" ≤ 7 日", "时效指标 \"受理日期\" ≤ 5 日"), JX_DIR_TIGHTER);
  CHECK_INT(direction("数量指标 \"次数\" ≥ 7000 次", "数量指标 \"次数\" > 7000 次"), JX_DIR_TIGHTER);
  CHECK_INT(direction("数量指标 \"次数\" ≥ 7000 次", "数量指标 \"次数\" ≤ 7000 次"), JX_DIR_OTHER);
  CHECK_INT(direction("数量指标 \"次数\" ≥ 7000 次", "数量指标 \"次数\" ≥ 7000 人次"), JX_DIR_OTHER);
  /* A bad-event rate (逆向指标) is better lower, whatever its sign. */
  CHECK_INT(direction("质量指标 \"安全事故发生率\" ≤ 0.2%", "质量指标 \"安全事故发生率\" ≤ 0.1%"), JX_DIR_TIGHTER);
  CHECK_INT(direction("质量指标 \"安全事故发生率\" 0.1%", "质量指标 \"安全事故发生率\" 0.2%"), JX_DIR_LOOSER);
  CHECK_INT(direction("质量指标 \"社区矫正对象脱管率\" 1%", "质量指标 \"社区矫正对象脱管率\" 0.5%"), JX_DIR_TIGHTER);
  /* A cost (the framework's cost level) is better lower. */
  CHECK_INT(direction("成本指标 \"项目总成本\" = 10 万元", "成本指标 \"项目总成本\" = 9 万元"), JX_DIR_TIGHTER);
  CHECK_INT(direction("成本指标 \"项目总成本\" ≤ 9 万元", "成本指标 \"项目总成本\" ≤ 10 万元"), JX_DIR_LOOSER);
  /* Deadlines: earlier is tighter; a month end, a day. */
  CHECK_INT(direction("时效指标 \"完成\" 截止 2025年11月30日前", "时效指标 \"完成\" 截止 2025年10月31日前"), JX_DIR_TIGHTER);
  CHECK_INT(direction("时效指标 \"完成\" 截止 10月底前", "时效指标 \"完成\" 截止 12月底前"), JX_DIR_LOOSER);
  CHECK_INT(direction("时效指标 \"完成\" 截止 2025-12-31", "时效指标 \"完成\" 截止 12月31日前"), JX_DIR_OTHER);
  CHECK_INT(direction("时效指标 \"完成\" 截止 2025年12月31日前", "时效指标 \"完成\" 截止 2025年12月31日前"), JX_DIR_NONE);
  CHECK_INT(direction("时效指标 \"工资\" 每月 25日前", "时效指标 \"工资\" 每月 20日前"), JX_DIR_TIGHTER);
  CHECK_INT(direction("效益指标 \"水平\" 较上年增加 ≥ 10%", "效益指标 \"水平\" 较上年增加 ≥ 15%"), JX_DIR_TIGHTER);
  CHECK_INT(direction("数量指标 \"内容\" \"可持续\"", "数量指标 \"内容\" \"长期\""), JX_DIR_OTHER);
  /* A deadline relative to each document's budget year: a recurring
   * project's "by the end of the year" is the same target in both. */
  d = diff(doc(2024, "万元", project("\"甲\"", "1.00", "时效指标 \"完成\" 截止 2024年12月31日前完成")),
           doc(2025, "万元", project("\"甲\"", "1.00", "时效指标 \"完成\" 截止 2025年12月31日前完成")));
  CHECK_INT(d->counts.ind_tighter + d->counts.ind_looser + d->counts.ind_other, 0);
  d = diff(doc(2024, "万元", project("\"甲\"", "1.00", "时效指标 \"完成\" 截止 2024年11月30日前")),
           doc(2025, "万元", project("\"甲\"", "1.00", "时效指标 \"完成\" 截止 2025年10月31日前")));
  CHECK_INT(d->counts.ind_tighter, 1);
  /* The same date written the same way is no change, whatever the years. */
  d = diff(doc(2024, "万元", project("\"甲\"", "1.00", "时效指标 \"完成\" 截止 2025年6月30日前")),
           doc(2025, "万元", project("\"甲\"", "1.00", "时效指标 \"完成\" 截止 2025年6月30日前")));
  CHECK_INT(d->counts.ind_tighter + d->counts.ind_looser + d->counts.ind_other, 0);
  /* Wording alone is a change without a direction. */
  CHECK_INT(direction("质量指标 \"合格率\" ≥ 95%", "质量指标 \"合格率\" ≥ 95% 以上"), JX_DIR_OTHER);

  /* Matching. A recurring project under the next year's code: same name. */
  d = diff(doc(2024, "万元", project("13080024P00010310003N \"公务运转经费\"", "1.00", "数量指标 \"次数\" 1 次")),
           doc(2025, "万元", project("13080025P00010310003N \"公务运转经费\"", "1.00", "数量指标 \"次数\" 1 次")));
  p = only_project(d);
  CHECK(p && p->how == JX_MATCH_NAME && p->recoded && !p->renamed);
  /* Year numbers and widths in names. */
  d = diff(doc(2024, "万元", project("\"2024 年消防设施修缮项目（一期）\"", "1.00", "数量指标 \"次数\" 1 次")),
           doc(2025, "万元", project("\"2025年消防设施修缮项目(一期)\"", "1.00", "数量指标 \"次数\" 1 次")));
  p = only_project(d);
  CHECK(p && p->how == JX_MATCH_NAME && p->renamed);
  /* Renamed, with the code of the next year: the code but its year. */
  d = diff(doc(2024, "万元", project("13080024P000100100049 \"法律援助及法律顾问服务经费\"", "1.00", "数量指标 \"次数\" 1 次")),
           doc(2025, "万元", project("13080025P000100100049 \"法律援助服务及法律顾问经费\"", "1.00", "数量指标 \"次数\" 1 次")));
  p = only_project(d);
  CHECK(p && p->how == JX_MATCH_CODE_YEAR && p->renamed);
  /* Renamed under an unrelated code: similarity of name and indicators. */
  const char *rows = "数量指标 \"人民监督员履职次数\" ≥ 500 次\n    数量指标 \"履职参与率\" 100%";
  d = diff(doc(2024, "万元", project("13080024P00008810002X \"人民监督员工作经费\"", "1.00", rows)),
           doc(2025, "万元", project("13080025P00009310004K \"人民监督员经费\"", "1.00", rows)));
  p = only_project(d);
  CHECK(p && p->how == JX_MATCH_SIMILAR && p->score >= 50);
  CHECK_INT(d->counts.added + d->counts.removed, 0);
  /* Unrelated projects are not matched: one removed, one added. */
  d = diff(doc(2024, "万元", project("\"法律援助经费\"", "1.00", "数量指标 \"案件数\" 1 件")),
           doc(2025, "万元", project("\"警察服装采购\"", "1.00", "数量指标 \"服装数量\" 1 套")));
  CHECK_INT(d->counts.added, 1);
  CHECK_INT(d->counts.removed, 1);
  /* Pinned pairs win, by code or by name; a pin that names nothing is an
   * error that says which side. */
  jx_list pins = {0};
  jx_list_push(ctx->arena, &pins, "法律援助经费=警察服装采购");
  d = diff_pinned(doc(2024, "万元", project("\"法律援助经费\"", "1.00", "数量指标 \"案件数\" 1 件")),
                  doc(2025, "万元", project("\"警察服装采购\"", "1.00", "数量指标 \"服装数量\" 1 套")),
                  &pins, &why);
  p = d ? only_project(d) : NULL;
  CHECK(p && p->how == JX_MATCH_PINNED && p->renamed);
  jx_list bad = {0};
  jx_list_push(ctx->arena, &bad, "没有的项目=警察服装采购");
  d = diff_pinned(doc(2024, "万元", project("\"法律援助经费\"", "1.00", "数量指标 \"案件数\" 1 件")),
                  doc(2025, "万元", project("\"警察服装采购\"", "1.00", "数量指标 \"服装数量\" 1 套")),
                  &bad, &why);
  CHECK(d == NULL);
  CHECK(why && strstr(why, "the old document has no project with the code or name “没有的项目”"));

  /* Moved between units: the same name once on each side. */
  const char *two_units_old =
      "年度 2024\n单位 1 \"甲单位\"\n项目 \"被装购置\" { 预算 1 }\n项目 \"办公经费\" { 预算 2 }\n"
      "单位 2 \"乙单位\"\n项目 \"警察服装经费\" { 预算 3 }\n";
  const char *two_units_new =
      "年度 2025\n单位 1 \"甲单位\"\n项目 \"被装购置\" { 预算 1 }\n项目 \"办公经费\" { 预算 2 }\n"
      "项目 \"警察服装经费\" { 预算 3 }\n单位 2 \"乙单位\"\n";
  d = diff(two_units_old, two_units_new);
  CHECK_INT(d->counts.moved, 1);
  p = only_project(d);
  CHECK(p && p->moved && p->how == JX_MATCH_MOVED_NAME);
  const jx_diff_unit *u2 = d->units.items[1];
  CHECK_INT(u2->moved_out.len, 1);

  /* Units without codes match by name; a unit renamed keeps its code; a
   * unit whose code and name both changed is found where its projects
   * went. */
  d = diff("单位 \"某县第一中学\"\n项目 \"校舍维修\" { 预算 1 }\n",
           "单位 \"某县 第一中学\"\n项目 \"校舍维修\" { 预算 1 }\n");
  CHECK(!d->differs || ((const jx_diff_unit *)d->units.items[0])->how == JX_MATCH_NAME);
  CHECK_INT(d->counts.same, 1);
  d = diff("单位 324001 \"司法局本级\"\n项目 13080024A1 \"甲\" { 预算 1 }\n项目 13080024A2 \"乙\" { 预算 1 }\n",
           "单位 999001 \"市司法局机关\"\n项目 13080024A1 \"甲\" { 预算 1 }\n项目 13080024A2 \"乙\" { 预算 1 }\n");
  const jx_diff_unit *u = d->units.items[0];
  CHECK_INT(d->units.len, 1);
  CHECK(u->how == JX_MATCH_PROJECTS && u->name_diff);
  CHECK_INT(d->counts.moved, 0);

  /* Indicators: a renamed one by similarity, one under another level by its
   * name, one added and one removed. */
  d = diff(doc(2025, "万元",
               "项目 \"甲\" {\n  预算 1\n  产出指标 {\n    数量指标 \"解答来电次数\" ≥ 7000 次\n"
               "    质量指标 \"补贴合规率\" 100%\n    数量指标 \"旧指标\" 1 次\n  }\n"
               "  效益指标 { 社会效益指标 \"知晓度\" 较上年提升 }\n}\n"),
           doc(2025, "万元",
               "项目 \"甲\" {\n  预算 1\n  产出指标 {\n    数量指标 \"解答 12348 来电次数\" ≥ 7000 次\n"
               "    数量指标 \"新指标\" 2 次\n  }\n"
               "  效益指标 { 社会效益指标 \"知晓度\" 较上年提升\n    可持续影响指标 \"补贴合规率\" 100% }\n}\n"));
  p = only_project(d);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(p->ind_added, 1);
    CHECK_INT(p->ind_removed, 1);
    int renamed = 0, moved = 0;
    for (size_t i = 0; i < p->indicators.len; i++) {
      const jx_diff_indicator *di = p->indicators.items[i];
      if (di->renamed && di->how == JX_MATCH_SIMILAR) renamed++;
      if (di->moved && di->how == JX_MATCH_ONLY_NAME) moved++;
    }
    CHECK_INT(renamed, 1);
    CHECK_INT(moved, 1);
  }
  /* Level names with or without their final 指标 are one level. */
  d = diff(doc(2025, "万元", "项目 \"甲\" {\n  预算 1\n  满意度指标 { 服务对象满意度 \"满意度\" ≥ 90% }\n}\n"),
           doc(2025, "万元", "项目 \"甲\" {\n  预算 1\n  满意度指标 { 服务对象满意度指标 \"满意度\" ≥ 90% }\n}\n"));
  CHECK(!only_project(d) || !only_indicator(d)->value.changed);

  /* Spending plan and texts. */
  d = diff(doc(2025, "万元", "项目 \"甲\" {\n  预算 1\n  用途 \"资金用于聘请律师值班。\"\n  支出计划 3月 25%, 12月 100%\n}\n"),
           doc(2025, "万元", "项目 \"甲\" {\n  预算 1\n  用途 \"资金用于聘请专职律师值班。\"\n  支出计划 3月 30%, 10月 80%, 12月 100.0%\n}\n"));
  p = only_project(d);
  CHECK(p != NULL);
  if (p) {
    CHECK_INT(p->plan.len, 2); /* 3月 and 10月; 100% = 100.0% */
    CHECK_INT(((const jx_diff_month *)p->plan.items[0])->month, 3);
    CHECK(((const jx_diff_month *)p->plan.items[1])->old_text == NULL);
    CHECK_INT(p->texts.len, 1);
    const jx_diff_text *t = p->texts.items[0];
    CHECK_STR(t->key, "purpose");
    CHECK_INT(t->pieces.len, 3);
    CHECK_STR(((const jx_text_piece *)t->pieces.items[1])->text, "专职");
  }

  /* Projects without codes, in documents without units' codes, and a part
   * one that changed. */
  d = diff("总体目标 \"2024年，提升法治水平。\"\n分项目标 \"普法\" { 目标 \"开展普法 10 次。\" }\n",
           "总体目标 \"2025年，提升法治水平。\"\n分项目标 \"普法\" { 目标 \"开展普法 12 次。\" }\n"
           "保障措施 \"完善制度\" \"制定制度。\"\n");
  CHECK_INT(d->part_one.len, 3);
  CHECK(d->differs);

  jx_ctx_free(ctx);
  return CHECK_DONE();
}
