/* Helpers shared by the checker's rule files (declared in checker.h). */
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "i18n.h"
#include "utf8.h"

/* Every rule of the checker, sorted, so that a code can be looked up by
 * binary search for each diagnostic. */
static const char *const rules[] = {
    "J101", "J102", "J103", "J104", "J105", "J106", "J107", "J108", "J109",
    "J110", "J111", "J112", "J113", "J114", "J115",
    "J120", "J121", "J122", "J123", "J124",
    "J130", "J131", "J132", "J133", "J134",
    "J140", "J141", "J142", "J143", "J144",
    "J150", "J151", "J152", "J153", "J154", "J155", "J156", "J157",
    "J160", "J161", "J162", "J163", "J164", "J165",
    "J170", "J171", "J172", "J173", "J174",
    "J180", "J181", "J182", "J183", "J184",
    "J190", "J191", "J192", "J193",
};

static int by_code(const void *key, const void *elem) {
  return strcmp(key, *(const char *const *)elem);
}

bool jx_check_rule_known(const char *code) {
  return bsearch(code, rules, sizeof rules / sizeof rules[0], sizeof rules[0],
                 by_code) != NULL;
}

const char *jx_dec(jx_checker *c, jx_decimal d) {
  char buf[JX_DECIMAL_BUFSIZE];
  return jx_arena_strdup(c->ctx->arena, jx_decimal_format(d, buf));
}

const char *jx_money_text(jx_checker *c, jx_decimal base_value) {
  int k;
  jx_decimal v;
  if (c->money && jx_decimal_power_of_ten(c->money->factor, &k) &&
      jx_decimal_shift(base_value, -k, &v))
    return jx_arena_printf(c->ctx->arena, "%s %s",
                           jx_dec(c, jx_decimal_normalize(v)), c->money->name);
  return jx_arena_printf(c->ctx->arena, "%s 元", jx_dec(c, jx_decimal_normalize(base_value)));
}

const jx_unit *jx_amount_unit(jx_checker *c, const jx_amount *a) {
  if (!a->unit) return c->money;
  jx_unit_expr e;
  if (!jx_units_resolve(c->ctx, &c->lib.units, a->unit, &e)) return NULL;
  if (e.nper || strcmp(e.unit->role, "money") != 0) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J107", a->unit->loc,
                           "The amount %s %s is not money: %s measures %s.",
                           a->text, a->unit->text, a->unit->text,
                           e.unit->dimension);
    jx_diag_hint(c->ctx, d, "Write budget amounts in 元, 万元 or 亿元, or leave "
                            "the unit out to use the document's 金额单位.");
    return NULL;
  }
  return e.unit;
}

bool jx_amount_in_base(jx_checker *c, const jx_amount *a, jx_decimal *out) {
  const jx_unit *u = jx_amount_unit(c, a);
  return u && jx_unit_to_base(u, a->value, out);
}

bool jx_project_amount_base(jx_checker *c, const jx_project *p, jx_node_kind kind,
                            jx_decimal *out) {
  const jx_budget *b = (const jx_budget *)jx_project_field(p, kind);
  if (!b || jx_decimal_sign(b->amount.value) < 0) return false;
  /* Units were reported by the budget rules already; resolve quietly. */
  const jx_unit *u = c->money;
  if (b->amount.unit) u = jx_units_find(&c->lib.units, b->amount.unit->text);
  if (!u || strcmp(u->role, "money") != 0) return false;
  return jx_unit_to_base(u, b->amount.value, out);
}

bool jx_project_budget_base(jx_checker *c, const jx_project *p, jx_decimal *out) {
  return jx_project_amount_base(c, p, JX_NODE_BUDGET, out);
}

bool jx_project_medium_budget_base(jx_checker *c, const jx_project *p,
                                   jx_decimal *out) {
  return jx_project_amount_base(c, p, JX_NODE_MEDIUM_BUDGET, out);
}

const char *jx_org_ref(jx_checker *c, const jx_org *o) {
  if (o->code) return o->code->text;
  return jx_arena_printf(c->ctx->arena, "\"%s\"", o->name.text);
}

const char *jx_row_ref(jx_checker *c, const jx_row *r) {
  if (!r->blank_name) return jx_arena_printf(c->ctx->arena, "\"%s\"", r->name.text);
  if (!*r->level2.text) return _("(unnamed row)");
  return jx_arena_printf(c->ctx->arena, _("(unnamed %s row)"), r->level2.text);
}

jx_loc jx_loc_in_string(const jx_string *s, size_t offset, size_t len) {
  jx_loc at = s->loc;
  if (s->style != JX_STR_PLAIN || s->loc.first_line != s->loc.last_line ||
      strchr(s->text, '\\') || strchr(s->text, '"'))
    return at;
  at.first_column += 1 + (int)jx_utf8_length(s->text, offset);
  at.last_column = at.first_column + (int)jx_utf8_length(s->text + offset, len);
  return at;
}

const jx_quantity *jx_value_quantity(const jx_value *v) {
  if (v->kind == JX_VALUE_QUANTITY) return &v->quantity;
  if ((v->kind == JX_VALUE_RELATIVE || v->kind == JX_VALUE_DEADLINE) && v->has_quantity)
    return &v->quantity;
  return NULL;
}

bool jx_value_plain_quantity(const jx_value *v) {
  return v->kind == JX_VALUE_QUANTITY || (v->kind == JX_VALUE_DEADLINE && v->has_quantity);
}

/* --- budget units -------------------------------------------------------- */

static const char *unit_key(jx_checker *c, const jx_org *o, bool by_name) {
  /* A code and a name never collide: the first byte tells them apart. */
  return jx_arena_printf(c->ctx->arena, "%c%s", by_name ? 'N' : 'C',
                         by_name ? o->name.text : o->code->text);
}

void jx_checker_group_units(jx_checker *c) {
  jx_hash by_key;
  jx_hash_init(&by_key, c->agencies.len * 2);
  jx_hash_init(&c->unit_of, c->agencies.len);
  for (size_t i = 0; i < c->agencies.len; i++) {
    const jx_org *a = c->agencies.items[i];
    /* With a code the code names the unit (J165 reports a second name);
     * without one the name does, and it may be the name of a unit that
     * another file writes with its code. */
    const char *key = unit_key(c, a, !a->code);
    bool added;
    jx_hash_slot *s = jx_hash_slot_of(&by_key, key, strlen(key), &added);
    jx_budget_unit *u = s->value;
    if (added) {
      /* With a code, the name may have come first, in a file that leaves
       * the code out. */
      const char *name_key = a->code ? unit_key(c, a, true) : NULL;
      jx_budget_unit *named = name_key ? jx_hash_get_str(&by_key, name_key) : NULL;
      if (named && !named->first->code) {
        u = named;
      } else {
        u = jx_arena_alloc(c->ctx->arena, sizeof *u);
        u->first = a;
        jx_list_push(c->ctx->arena, &c->units, u);
      }
      s->value = u; /* before the table may grow again */
      if (name_key && !named)
        jx_hash_slot_of(&by_key, name_key, strlen(name_key), &added)->value = u;
    }
    const jx_org **cell = jx_arena_alloc(c->ctx->arena, sizeof *cell);
    *cell = a;
    jx_hash_slot_of(&c->unit_of, cell, sizeof *cell, &added)->value = u;
    for (size_t k = 0; k < a->projects.len; k++)
      jx_list_push(c->ctx->arena, &u->projects, a->projects.items[k]);
  }
  jx_hash_free(&by_key);
}

const jx_budget_unit *jx_unit_of(const jx_checker *c, const jx_org *agency) {
  if (!agency) return NULL;
  return jx_hash_get(&c->unit_of, &agency, sizeof agency);
}
