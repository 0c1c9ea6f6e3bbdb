/* Identity rules: project codes (J160, J161, J162), project names (J163),
 * budget unit codes (J164, J165). Codes are checked only where given;
 * duplicates are found with hash tables, never by comparing every pair
 * (a province has 100,000 projects). */
#include <ctype.h>
#include <string.h>

#include "checker.h"
#include "i18n.h"

enum { CODE_LENGTH = 21, REGION_DIGITS = 6 };

static bool all_digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return false;
  return n > 0;
}

static void check_code(jx_checker *c, const jx_project *p) {
  if (!p->code) return;
  const char *code = p->code->text;
  size_t n = strlen(code);
  bool alnum = true;
  for (size_t i = 0; i < n; i++)
    if (!isalnum((unsigned char)code[i])) alnum = false;
  const char *problem = NULL;
  if (n != CODE_LENGTH)
    problem = jx_arena_printf(c->ctx->arena, _("it has %zu characters, not %d"), n,
                              CODE_LENGTH);
  else if (!alnum)
    problem = _("it contains characters other than letters and digits");
  else if (!all_digits(code, REGION_DIGITS + 2))
    problem = _("its first 8 characters (region code and year) are not all digits");
  if (problem) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J160", p->code->loc,
                           "The project code %s is not well-formed: %s. A project "
                           "code has %d letters and digits, beginning with a "
                           "6-digit region code and a 2-digit year.",
                           code, problem, CODE_LENGTH);
    jx_diag_hint(c->ctx, d, "Copy the code exactly from the budget system, such as "
                            "13080025P00010310003N.");
    return;
  }
  int year = (code[REGION_DIGITS] - '0') * 10 + (code[REGION_DIGITS + 1] - '0');
  if (c->year && year > c->year % 100) {
    jx_loc at = p->code->loc;
    at.first_column += REGION_DIGITS;
    at.last_line = at.first_line;
    at.last_column = at.first_column + 2;
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J161", at,
                           "The project code %s says the project was created in "
                           "20%02d, after the budget year %d.", code, year, c->year);
    jx_diag_hint(c->ctx, d, "Digits 7 and 8 of a project code are the year it was "
                            "created; check the code and the 年度.");
  }
}

/* Whether two projects are known to have the same code. */
static bool same_code(const jx_project *p, const jx_project *q) {
  return p->code && q->code && !strcmp(p->code->text, q->code->text);
}

/* The projects of one name in one budget unit, for J163: the first, and
 * the first after it whose code is not the first's (or that has none). A
 * later project with the first's code is reported against that second
 * one, the first earlier project whose code differs from its own. */
typedef struct named {
  const jx_project *first, *other;
} named;

static void same_name(jx_checker *c, const jx_project *p, const jx_project *q) {
  const jx_budget_unit *u = jx_unit_of(c, p->agency);
  const char *both = p->code && q->code
                         ? jx_arena_printf(c->ctx->arena, _(" (%s and %s)"), q->code->text,
                                           p->code->text)
                         : "";
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J163", p->name.loc,
                         "Two projects of budget unit %s are both named \"%s\"%s.",
                         jx_org_ref(c, u->first), p->name.text, both);
  jx_diag_note_add(c->ctx, d, q->name.loc, "the other one is here");
  jx_diag_hint(c->ctx, d, "If they are different projects, give them names a "
                          "reader can tell apart.");
}

void jx_check_project_codes(jx_checker *c, const jx_list *projects) {
  for (size_t i = 0; i < projects->len; i++) check_code(c, projects->items[i]);
}

/* J162 and J163 over every project of the document, in document order:
 * which of two is "first" depends on it. */
void jx_check_identity(jx_checker *c) {
  const jx_list *projects = &c->projects;
  jx_hash codes, names;
  jx_hash_init(&codes, projects->len);
  jx_hash_init(&names, projects->len);
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    bool added;
    if (p->code) {
      jx_hash_slot *s = jx_hash_slot_of(&codes, p->code->text, strlen(p->code->text), &added);
      if (added) {
        s->value = (void *)p;
      } else {
        const jx_project *q = s->value;
        jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J162", p->code->loc,
                               "The project code %s is used twice.", p->code->text);
        jx_diag_note_add(c->ctx, d, q->code->loc, "first used here for \"%s\"",
                         q->name.text);
        jx_diag_hint(c->ctx, d, "Each project has its own code; correct one of "
                                "them, or merge the two projects.");
      }
    }
    /* The same name in two budget units is normal (every unit has its
     * 公务运转经费); within one unit it is a likely copy-paste slip. Units
     * are compared as wholes (jx_unit_of), with or without codes. */
    const jx_budget_unit *u = jx_unit_of(c, p->agency);
    if (!u) continue;
    /* The unit's address, then the name: a key of bytes, not text. */
    size_t nl = strlen(p->name.text);
    char *key = jx_arena_bytes(c->scratch, sizeof u + nl);
    memcpy(key, &u, sizeof u);
    memcpy(key + sizeof u, p->name.text, nl);
    jx_hash_slot *s = jx_hash_slot_of(&names, key, sizeof u + nl, &added);
    if (added) {
      named *n = jx_arena_alloc(c->scratch, sizeof *n);
      n->first = p;
      s->value = n;
      continue;
    }
    named *n = s->value;
    if (!same_code(p, n->first))
      same_name(c, p, n->first);
    else if (n->other)
      same_name(c, p, n->other);
    if (!n->other && !same_code(p, n->first)) n->other = p;
  }
  jx_hash_free(&codes);
  jx_hash_free(&names);
  jx_arena_reset(c->scratch);
}

static void check_agencies(jx_checker *c) {
  /* By code: the first 单位 line with it, and the first after it that gives
   * the code another name (the first earlier one to differ from a third). */
  jx_hash codes;
  jx_hash_init(&codes, c->agencies.len);
  for (size_t i = 0; i < c->agencies.len; i++) {
    const jx_org *a = c->agencies.items[i];
    if (!a->code) continue;
    const char *code = a->code->text;
    if (!all_digits(code, strlen(code))) {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J164", a->code->loc,
                             "The budget unit code %s is not made of digits.", code);
      jx_diag_hint(c->ctx, d, "Budget unit codes are digits only, such as 324001.");
    }
    bool added;
    jx_hash_slot *s = jx_hash_slot_of(&codes, code, strlen(code), &added);
    if (added) {
      const jx_org **pair = jx_arena_alloc(c->ctx->arena, 2 * sizeof *pair);
      pair[0] = a;
      s->value = pair;
      continue;
    }
    const jx_org **pair = s->value;
    const jx_org *b = strcmp(a->name.text, pair[0]->name.text) ? pair[0] : pair[1];
    if (!b) continue;
    if (!pair[1] && b == pair[0]) pair[1] = a;
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J165", a->code->loc,
                           "The budget unit code %s is used for \"%s\" and "
                           "for \"%s\".", code, b->name.text, a->name.text);
    jx_diag_note_add(c->ctx, d, b->code->loc, "first used here");
    jx_diag_hint(c->ctx, d, "A code names one budget unit; correct the code or "
                            "the name.");
  }
  jx_hash_free(&codes);
}

void jx_check_unit_identity(jx_checker *c) { check_agencies(c); }
