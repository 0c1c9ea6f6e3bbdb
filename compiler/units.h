/* Units of measurement, built from 量纲 and 计量单位 definitions (the standard
 * library's stdlib/units.jx, then the document's own). Nothing about units is
 * known to the C code except the roles "money" and "ratio", which dimensions
 * take from their English names. */
#ifndef JX_UNITS_H
#define JX_UNITS_H

#include "ast.h"
#include "ctx.h"

typedef struct jx_unit {
  const char *name;
  const char *base;      /* the base unit it reduces to */
  const char *dimension; /* its dimension's name, e.g. 金额 */
  const char *role;      /* its dimension's English name, e.g. money */
  jx_decimal factor;     /* 1 name = factor × base */
  int precision;         /* decimals allowed when written in the base unit; -1: any */
  jx_loc loc;            /* where it is defined */
} jx_unit;

/* A registry of dimensions and units; lists live in the ctx's arena. */
typedef struct jx_units {
  jx_list dimensions; /* const jx_dimension * */
  jx_list units;      /* jx_unit * */
  const jx_unit **index; /* by name, open addressing; the latest definition */
  size_t cap;            /* slots of index: 0 or a power of two */
} jx_units;

/* A copy that a document's own definitions can extend (arena storage). */
jx_units jx_units_copy(jx_arena *a, const jx_units *src);

/* Adds the definitions among a file's items, reporting bad ones (J180-J182). */
void jx_units_define(jx_ctx *ctx, jx_units *u, const jx_node *item);

const jx_unit *jx_units_find(const jx_units *u, const char *name);

/* The known unit whose name is closest to name, or NULL. */
const char *jx_units_suggest(const jx_units *u, const char *name);

/* A unit as written in a value: a unit, optionally per other units
 * (元/人/年 is 元 per 人 per 年). */
enum { JX_UNIT_MAX_PER = 4 };
typedef struct jx_unit_expr {
  const jx_unit *unit;
  const jx_unit *per[JX_UNIT_MAX_PER];
  int nper;
} jx_unit_expr;

/* Resolves a written unit; reports J130 at its location for an unknown part
 * and returns false. */
bool jx_units_resolve(jx_ctx *ctx, const jx_units *u, const jx_name *written,
                      jx_unit_expr *out);

/* value in unit -> value in the unit's base; false on overflow. */
bool jx_unit_to_base(const jx_unit *unit, jx_decimal value, jx_decimal *out);

#endif
