#include "units.h"

#include <string.h>

#include "diag.h"
#include "utf8.h"

/* Whether every character of a appears in b, in order (平米 in 平方米). */
static bool subsequence(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b), i = 0, j = 0;
  while (i < la && j < lb) {
    int32_t x, y;
    int nx = jx_utf8_decode(a + i, la - i, &x), ny = jx_utf8_decode(b + j, lb - j, &y);
    if (x == y) i += (size_t)nx;
    j += (size_t)ny;
  }
  return i == la;
}

static size_t name_hash(const char *s) {
  size_t h = 2166136261u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* Puts x in the index; a unit of the same name is replaced, so the later
 * definition (the document's) wins. */
static void index_put(jx_units *u, const jx_unit *x) {
  size_t mask = u->cap - 1;
  for (size_t h = name_hash(x->name) & mask;; h = (h + 1) & mask) {
    if (!u->index[h] || !strcmp(u->index[h]->name, x->name)) {
      u->index[h] = x;
      return;
    }
  }
}

/* Rebuilds the index for the units of the list, kept at most half full. */
static void reindex(jx_arena *a, jx_units *u) {
  size_t cap = 64;
  while (cap < 2 * u->units.len + 2) cap *= 2;
  u->index = jx_arena_alloc(a, cap * sizeof *u->index);
  u->cap = cap;
  for (size_t i = 0; i < u->units.len; i++) index_put(u, u->units.items[i]);
}

static void add_unit(jx_arena *a, jx_units *u, jx_unit *x) {
  jx_list_push(a, &u->units, x);
  if (2 * u->units.len + 2 > u->cap)
    reindex(a, u);
  else
    index_put(u, x);
}

jx_units jx_units_copy(jx_arena *a, const jx_units *src) {
  jx_units u = {0};
  u.dimensions = jx_list_copy(a, &src->dimensions);
  u.units = jx_list_copy(a, &src->units);
  reindex(a, &u);
  return u;
}

const jx_unit *jx_units_find(const jx_units *u, const char *name) {
  if (!u->cap) return NULL;
  size_t mask = u->cap - 1;
  for (size_t h = name_hash(name) & mask; u->index[h]; h = (h + 1) & mask)
    if (!strcmp(u->index[h]->name, name)) return u->index[h];
  return NULL;
}

const char *jx_units_suggest(const jx_units *u, const char *name) {
  const char *best = NULL;
  size_t best_d = 3;
  size_t len = jx_utf8_length(name, strlen(name));
  for (size_t i = 0; i < u->units.len; i++) {
    const jx_unit *x = u->units.items[i];
    size_t d = jx_edit_distance(name, x->name);
    /* Only suggest when most of the name survives; among equals prefer a
     * unit the name is an abbreviation of (平米 -> 平方米, not 米). */
    if (d < len && (d < best_d || (d == best_d && best && !subsequence(name, best) &&
                                   subsequence(name, x->name)))) {
      best = x->name;
      best_d = d;
    }
  }
  return best;
}

static void define_base(jx_ctx *ctx, jx_units *u, const jx_unit_def *def) {
  const jx_dimension *dim = NULL;
  for (size_t i = u->dimensions.len; i-- > 0 && !dim;) {
    const jx_dimension *x = u->dimensions.items[i];
    if (!strcmp(x->name.text, def->dimension->text) ||
        !strcmp(x->alias.text, def->dimension->text))
      dim = x;
  }
  if (!dim) {
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J180", def->dimension->loc,
                           "The unit %s names the dimension %s, which is not "
                           "defined.", def->name.text, def->dimension->text);
    jx_diag_hint(ctx, d, "Define it first with 量纲 NAME ENGLISH-NAME, or use "
                         "one of the standard dimensions (金额, 比率, 计数, 长度, "
                         "面积, 时间).");
    return;
  }
  jx_unit *x = jx_arena_alloc(ctx->arena, sizeof *x);
  x->name = def->name.text;
  x->base = def->name.text;
  x->dimension = dim->name.text;
  x->role = dim->alias.text;
  x->factor = jx_decimal_from_int(1);
  x->precision = def->precision;
  x->loc = def->name.loc;
  add_unit(ctx->arena, u, x);
}

static void define_derived(jx_ctx *ctx, jx_units *u, const jx_unit_def *def) {
  const jx_unit *of = jx_units_find(u, def->of->text);
  if (!of) {
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J182", def->of->loc,
                           "The unit %s is defined in terms of %s, which is not "
                           "a known unit.", def->name.text, def->of->text);
    jx_diag_hint(ctx, d, "Define %s before %s.", def->of->text, def->name.text);
    return;
  }
  if (jx_decimal_sign(def->factor) <= 0) {
    jx_report(ctx, JX_SEV_ERROR, "J182", def->base.loc,
              "The unit %s must be a positive multiple of %s.", def->name.text,
              of->name);
    return;
  }
  jx_unit *x = jx_arena_alloc(ctx->arena, sizeof *x);
  *x = *of;
  x->name = def->name.text;
  x->loc = def->name.loc;
  if (!jx_decimal_mul(def->factor, of->factor, &x->factor)) {
    jx_report(ctx, JX_SEV_ERROR, "J182", def->base.loc,
              "The unit %s is too large a multiple of %s.", def->name.text,
              of->base);
    return;
  }
  add_unit(ctx->arena, u, x);
}

void jx_units_define(jx_ctx *ctx, jx_units *u, const jx_node *item) {
  if (item->kind == JX_NODE_DIMENSION) {
    const jx_dimension *dim = (const jx_dimension *)item;
    const jx_dimension *old = NULL;
    for (size_t i = 0; i < u->dimensions.len && !old; i++) {
      const jx_dimension *x = u->dimensions.items[i];
      if (x->name.loc.file == dim->name.loc.file && !strcmp(x->name.text, dim->name.text))
        old = x;
    }
    if (old) {
      jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J181", dim->name.loc,
                             "The dimension %s is already defined in this file.",
                             dim->name.text);
      jx_diag_note_add(ctx, d, old->name.loc, "it is defined here");
      jx_diag_hint(ctx, d, "Delete one of the two definitions.");
      return;
    }
    jx_list_push(ctx->arena, &u->dimensions, (void *)dim);
    return;
  }
  if (item->kind != JX_NODE_UNIT_DEF) return;
  const jx_unit_def *def = (const jx_unit_def *)item;
  const jx_unit *old = jx_units_find(u, def->name.text);
  if (old && old->loc.file == def->name.loc.file) {
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J181", def->name.loc,
                           "The unit %s is already defined in this file.",
                           def->name.text);
    jx_diag_note_add(ctx, d, old->loc, "it is defined here");
    jx_diag_hint(ctx, d, "Delete one of the two definitions.");
    return;
  }
  if (def->of)
    define_derived(ctx, u, def);
  else
    define_base(ctx, u, def);
}

static const jx_unit *resolve_part(jx_ctx *ctx, const jx_units *u,
                                   const char *part, size_t len, jx_loc loc) {
  /* Every value of a province asks: a short name is looked up from the
   * stack, and copied to the arena only to be reported. */
  char buf[64];
  if (len < sizeof buf) {
    memcpy(buf, part, len);
    buf[len] = '\0';
    const jx_unit *x = jx_units_find(u, buf);
    if (x) return x;
  }
  char *name = jx_arena_strndup(ctx->arena, part, len);
  const jx_unit *x = len < sizeof buf ? NULL : jx_units_find(u, name);
  if (x) return x;
  jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J130", loc,
                         "The unit %s is not known.", name);
  const char *s = jx_units_suggest(u, name);
  if (s)
    jx_diag_hint(ctx, d, "Did you mean %s? Otherwise define the unit, for "
                         "example 计量单位 %s = 1 %s.", s, name, s);
  else
    jx_diag_hint(ctx, d, "Use a unit from stdlib/units.jx, or define it, for "
                         "example 计量单位 %s 计数.", name);
  return NULL;
}

bool jx_units_resolve(jx_ctx *ctx, const jx_units *u, const jx_name *written,
                      jx_unit_expr *out) {
  memset(out, 0, sizeof *out);
  const char *s = written->text;
  bool ok = true;
  int index = 0;
  while (*s) {
    const char *slash = strchr(s, '/');
    size_t len = slash ? (size_t)(slash - s) : strlen(s);
    const jx_unit *x = resolve_part(ctx, u, s, len, written->loc);
    if (!x) ok = false;
    if (index == 0)
      out->unit = x;
    else if (out->nper < JX_UNIT_MAX_PER)
      out->per[out->nper++] = x;
    index++;
    if (!slash) break;
    s = slash + 1;
  }
  return ok && out->unit;
}

bool jx_unit_to_base(const jx_unit *unit, jx_decimal value, jx_decimal *out) {
  return jx_decimal_mul(value, unit->factor, out);
}
