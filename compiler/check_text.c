/* Text rules: a 目标 that states an amount of money should state the
 * project's budget (J170); brackets in names are balanced (J171). */
#include <string.h>

#include "checker.h"
#include "i18n.h"
#include "utf8.h"

typedef struct stated {
  jx_decimal base;   /* in 元 */
  const char *text;  /* as written, e.g. "22.5 万元" */
  size_t offset;     /* byte offset of the number in the string */
} stated;

/* The names of the units in force, measured once per call of the rule:
 * it looks for a unit after every number of every target text. */
typedef struct unit_name {
  const jx_unit *unit;
  const char *name;
  size_t len;
  bool money;
} unit_name;

typedef struct unit_names {
  unit_name *at; /* in the checker's scratch arena */
  size_t n;
} unit_names;

static unit_names measure_units(jx_checker *c) {
  const jx_list *units = &c->lib.units.units;
  unit_names names = {jx_arena_alloc(c->scratch, (units->len + 1) * sizeof *names.at), 0};
  for (size_t i = 0; i < units->len; i++) {
    const jx_unit *u = units->items[i];
    if (!*u->name) continue;
    names.at[names.n++] =
        (unit_name){u, u->name, strlen(u->name), !strcmp(u->role, "money")};
  }
  return names;
}

/* The longest money unit name at s, or NULL. */
static const jx_unit *money_unit_at(const unit_names *units, const char *s,
                                    size_t *len) {
  const jx_unit *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < units->n; i++) {
    const unit_name *u = &units->at[i];
    if (!u->money || u->len <= best_len || u->name[0] != s[0] ||
        strncmp(s, u->name, u->len))
      continue;
    best = u->unit;
    best_len = u->len;
  }
  *len = best_len;
  return best;
}

/* Whether the clause before offset end (since the last ，。；、,; or the
 * start) contains 每 ("each"). One pass over the text before end. */
static bool per_clause(const char *text, size_t end) {
  bool each = false;
  for (size_t i = 0; i < end && text[i]; i++) {
    const unsigned char *u = (const unsigned char *)text + i;
    if (*u == ',' || *u == ';' || !strncmp(text + i, "，", 3) || !strncmp(text + i, "。", 3) ||
        !strncmp(text + i, "；", 3) || !strncmp(text + i, "、", 3))
      each = false;
    else if (!strncmp(text + i, "每", 3))
      each = true;
  }
  return each;
}

/* Whether a known unit's name begins at s. */
static bool starts_unit(const unit_names *units, const char *s) {
  for (size_t i = 0; i < units->n; i++) {
    const unit_name *u = &units->at[i];
    if (u->name[0] == s[0] && !strncmp(s, u->name, u->len)) return true;
  }
  return false;
}

/* Whether s starts with exactly three digits (a thousands group). */
static bool is_digit3(const char *s) {
  for (int i = 0; i < 3; i++)
    if (s[i] < '0' || s[i] > '9') return false;
  return s[3] < '0' || s[3] > '9';
}

static const char *without_commas(jx_checker *c, const char *s, size_t n) {
  char *out = jx_arena_strndup(c->scratch, s, n);
  size_t o = 0;
  for (size_t i = 0; i < n; i++)
    if (out[i] != ',') out[o++] = out[i];
  out[o] = '\0';
  return out;
}

/* Finds "NUMBER [spaces] MONEY-UNIT" in text; at most max of them. */
static size_t find_amounts(jx_checker *c, const unit_names *units, const char *text,
                           stated *out, size_t max) {
  size_t n = 0;
  for (size_t i = 0; text[i] && n < max;) {
    if (!(text[i] >= '0' && text[i] <= '9') || (i && text[i - 1] >= '0' && text[i - 1] <= '9') ||
        (i && text[i - 1] == '.')) {
      i++;
      continue;
    }
    size_t j = i;
    while (text[j] >= '0' && text[j] <= '9') j++;
    /* Thousands separators, as clerks write them: 1,860万元. */
    bool grouped = false;
    while (text[j] == ',' && (grouped || j - i <= 3) && is_digit3(text + j + 1)) {
      j += 4;
      grouped = true;
    }
    if (text[j] == '.' && text[j + 1] >= '0' && text[j + 1] <= '9') {
      j++;
      while (text[j] >= '0' && text[j] <= '9') j++;
    }
    size_t k = j;
    while (text[k] == ' ') k++;
    size_t ulen;
    const jx_unit *u = money_unit_at(units, text + k, &ulen);
    /* A one-character money unit that starts another unit is part of it:
     * "2 万人次" counts 人次, not money; "225000 元整" is money. */
    if (u && jx_utf8_length(u->name, ulen) == 1 && starts_unit(units, text + k + ulen))
      u = NULL;
    /* A rate ("每人每天 300 元", "300 元/人") is not an amount of the project. */
    if (u && (text[k + ulen] == '/' || !strncmp(text + k + ulen, "／", strlen("／")) ||
              per_clause(text, i)))
      u = NULL;
    jx_decimal v;
    const char *digits = grouped ? without_commas(c, text + i, j - i) : text + i;
    size_t ndigits = grouped ? strlen(digits) : j - i;
    if (u && jx_decimal_parse(digits, ndigits, &v) && jx_unit_to_base(u, v, &out[n].base)) {
      out[n].text = jx_arena_strndup(c->scratch, text + i, k + ulen - i);
      out[n].offset = i;
      n++;
    }
    i = k + (u ? ulen : 0);
    if (i == j && i == k) i = j;
  }
  return n;
}

/* What the rule keeps (unit names, the amounts found) lives in the
 * checker's scratch arena until it returns. */
void jx_check_target_texts(jx_checker *c, const jx_list *projects) {
  const unit_names units = measure_units(c);
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    const jx_text_item *t = (const jx_text_item *)jx_project_field(p, JX_NODE_TARGET);
    jx_decimal budget;
    if (!t || !jx_project_budget_base(c, p, &budget)) continue;
    stated amounts[16];
    size_t n = find_amounts(c, &units, t->text.text, amounts, 16);
    if (!n) continue;
    bool match = false;
    for (size_t k = 0; k < n; k++)
      if (jx_decimal_cmp(amounts[k].base, budget) == 0) match = true;
    if (match) continue;
    const char *list = "";
    for (size_t k = 0; k < n; k++)
      list = jx_arena_printf(c->ctx->arena, "%s%s%s", list, k ? ", " : "",
                             amounts[k].text);
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J170",
                           jx_loc_in_string(&t->text, amounts[0].offset,
                                         strlen(amounts[0].text)),
                           "The target text of project %s states %s, but the "
                           "project's budget is %s.", jx_project_id(c->ctx->arena, p), list,
                           jx_money_text(c, budget));
    const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
    if (b) jx_diag_note_add(c->ctx, d, b->amount.loc, "the budget is here");
    jx_diag_hint(c->ctx, d, "The target usually restates the budget; correct the "
                            "amount in the text or the budget.");
  }
  jx_arena_reset(c->scratch);
}

/* Whether every opening bracket in s is closed, half- or full-width alike. */
static bool balanced(const char *s) {
  /* Most names have no bracket at all: ( ) and the lead byte of （ ）. */
  if (!strpbrk(s, "()\xEF")) return true;
  int depth = 0;
  size_t len = strlen(s);
  for (size_t i = 0; i < len;) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(s + i, len - i, &cp);
    if (cp == '(' || cp == 0xFF08) depth++;
    if (cp == ')' || cp == 0xFF09) {
      if (--depth < 0) return false;
    }
  }
  return depth == 0;
}

/* what is marked N_() and translated only when a name is reported: a
 * lookup of the catalogue for every row of a province costs more than
 * the check. */
static void check_name(jx_checker *c, const jx_string *name, const char *what) {
  if (balanced(name->text)) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J171", name->loc,
                         "The brackets in the %s \"%s\" do not match.", _(what),
                         name->text);
  jx_diag_hint(c->ctx, d, "Close each （ with ） or remove the stray bracket.");
}

void jx_check_names(jx_checker *c, const jx_list *projects) {
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    check_name(c, &p->name, N_("project name"));
    for (size_t k = 0; k < p->fields.len; k++) {
      const jx_node *f = p->fields.items[k];
      if (f->kind != JX_NODE_GROUP) continue;
      const jx_group *g = (const jx_group *)f;
      for (size_t r = 0; r < g->rows.len; r++) {
        const jx_row *row = g->rows.items[r];
        if (!row->not_applicable_row) check_name(c, &row->name, N_("indicator name"));
      }
    }
  }
}
