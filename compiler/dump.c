#include "dump.h"

#include "ast.h"

static void loc(jx_json *j, jx_loc l) {
  if (!j->locations) return;
  jx_json_key(j, "loc");
  jx_json_begin_object(j);
  jx_json_key(j, "line");
  jx_json_int(j, l.first_line);
  jx_json_key(j, "column");
  jx_json_int(j, l.first_column);
  jx_json_key(j, "end_line");
  jx_json_int(j, l.last_line);
  jx_json_key(j, "end_column");
  jx_json_int(j, l.last_column);
  jx_json_end_object(j);
}

static void str(jx_json *j, const char *key, const char *value) {
  jx_json_key(j, key);
  jx_json_string(j, value);
}

static void decimal(jx_json *j, const char *key, jx_decimal d) {
  char buf[JX_DECIMAL_BUFSIZE];
  str(j, key, jx_decimal_format(d, buf));
}

static void comment(jx_json *j, const jx_comment *c) {
  jx_json_begin_object(j);
  str(j, "text", c->text);
  if (j->locations) {
    jx_json_key(j, "line");
    jx_json_int(j, c->loc.first_line);
  }
  if (c->blank_before) {
    jx_json_key(j, "blank_line_before");
    jx_json_bool(j, true);
  }
  jx_json_end_object(j);
}

static void comments(jx_json *j, const char *key, const jx_list *l) {
  if (!l->len) return;
  jx_json_key(j, key);
  jx_json_begin_array(j);
  for (size_t i = 0; i < l->len; i++) comment(j, l->items[i]);
  jx_json_end_array(j);
}

static void trivia(jx_json *j, bool blank_before, const jx_trivia *t) {
  if (blank_before) {
    jx_json_key(j, "blank_line_before");
    jx_json_bool(j, true);
  }
  comments(j, "comments_before", &t->leading);
  if (t->trailing) {
    jx_json_key(j, "comment_after");
    comment(j, t->trailing);
  }
  comments(j, "comments_at_end", &t->dangling);
  if (t->closing) {
    jx_json_key(j, "comment_after_end");
    comment(j, t->closing);
  }
}

static void amount(jx_json *j, const char *key, const jx_amount *a) {
  jx_json_key(j, key);
  if (!a) {
    jx_json_null(j);
    return;
  }
  jx_json_begin_object(j);
  decimal(j, "value", a->value);
  str(j, "unit", a->unit ? a->unit->text : NULL);
  jx_json_end_object(j);
}

static void sources(jx_json *j, const char *key, const jx_list *l) {
  jx_json_key(j, key);
  jx_json_begin_array(j);
  for (size_t i = 0; i < l->len; i++) {
    const jx_fund_source *s = l->items[i];
    jx_json_begin_object(j);
    str(j, "kind", s->kind == JX_SOURCE_FISCAL  ? "fiscal"
                   : s->kind == JX_SOURCE_OTHER ? "other"
                                                : "named");
    str(j, "name", s->name.text);
    amount(j, "amount", s->amount);
    sources(j, "parts", &s->parts);
    jx_json_end_object(j);
  }
  jx_json_end_array(j);
}

static void optional_int(jx_json *j, const char *key, int v) {
  jx_json_key(j, key);
  if (v)
    jx_json_int(j, v);
  else
    jx_json_null(j);
}

static void quantity(jx_json *j, const jx_quantity *q) {
  str(j, "sign", jx_sign_name(q->sign));
  if (q->placeholder) {
    jx_json_key(j, "number");
    jx_json_null(j);
    str(j, "placeholder", q->number_text);
  } else {
    decimal(j, "number", q->number);
  }
  str(j, "unit", *q->unit.text ? q->unit.text : NULL);
}

static void date(jx_json *j, const char *key, const jx_date *d) {
  jx_json_key(j, key);
  jx_json_begin_object(j);
  optional_int(j, "year", d->year);
  optional_int(j, "month", d->month);
  optional_int(j, "day", d->day);
  jx_json_key(j, "month_end");
  jx_json_bool(j, d->month_end);
  str(j, "style", d->style == JX_DATE_ISO ? "iso" : "chinese");
  str(j, "wording", d->wording);
  jx_json_end_object(j);
}

static void value_object(jx_json *j, const char *key, const jx_value *v) {
  jx_json_key(j, key);
  jx_json_begin_object(j);
  str(j, "kind", jx_value_kind_name(v->kind));
  switch (v->kind) {
    case JX_VALUE_QUANTITY:
      quantity(j, &v->quantity);
      break;
    case JX_VALUE_DEADLINE:
      optional_int(j, "year", v->date.year);
      optional_int(j, "month", v->date.month);
      optional_int(j, "day", v->date.day);
      jx_json_key(j, "month_end");
      jx_json_bool(j, v->date.month_end);
      str(j, "style", v->date.style == JX_DATE_ISO ? "iso" : "chinese");
      str(j, "wording", v->date.wording);
      if (v->has_quantity) {
        jx_json_key(j, "quantity");
        jx_json_begin_object(j);
        quantity(j, &v->quantity);
        jx_json_end_object(j);
      }
      break;
    case JX_VALUE_PERIOD:
      date(j, "from", &v->date);
      date(j, "to", &v->until);
      break;
    case JX_VALUE_MONTHLY:
      optional_int(j, "day", v->date.day);
      str(j, "wording", v->date.wording);
      break;
    case JX_VALUE_RELATIVE:
      str(j, "direction", jx_relative_name(v->relative));
      if (v->has_quantity) quantity(j, &v->quantity);
      break;
    case JX_VALUE_TEXT:
      str(j, "text", v->text.text);
      break;
    case JX_VALUE_NA:
    case JX_VALUE_BLANK:
      break;
  }
  if (*v->wording) str(j, "wording_after", v->wording);
  jx_json_end_object(j);
}

static void value(jx_json *j, const jx_value *v) { value_object(j, "value", v); }

static void allow_fields(jx_json *j, const jx_allow *a) {
  jx_json_key(j, "codes");
  jx_json_begin_array(j);
  for (size_t i = 0; i < a->codes.len; i++)
    jx_json_string(j, ((const jx_name *)a->codes.items[i])->text);
  jx_json_end_array(j);
  str(j, "reason", a->reason.text);
}

static void node(jx_json *j, const jx_node *n);

static void children(jx_json *j, const char *key, const jx_list *l) {
  jx_json_key(j, key);
  jx_json_begin_array(j);
  for (size_t i = 0; i < l->len; i++) node(j, l->items[i]);
  jx_json_end_array(j);
}

static void optional_string(jx_json *j, const char *key, const jx_string *s) {
  str(j, key, s ? s->text : NULL);
}

static void node(jx_json *j, const jx_node *n) {
  jx_json_begin_object(j);
  str(j, "kind", jx_node_kind_name(n->kind));
  loc(j, n->loc);
  switch (n->kind) {
    case JX_NODE_DEPARTMENT:
    case JX_NODE_AGENCY:
    case JX_NODE_SECTION:
    case JX_NODE_SUPERVISOR: {
      const jx_org *o = (const jx_org *)n;
      if (n->kind != JX_NODE_SECTION) str(j, "code", o->code ? o->code->text : NULL);
      if (n->kind == JX_NODE_SECTION && o->parent)
        str(j, "agency", o->parent->code ? o->parent->code->text : o->parent->name.text);
      str(j, "name", o->name.text);
      if (n->kind != JX_NODE_SUPERVISOR) amount(j, "total", o->total);
      break;
    }
    case JX_NODE_ALLOW:
      allow_fields(j, (const jx_allow *)n);
      break;
    case JX_NODE_SOURCE_DEF: {
      const jx_source_def *d = (const jx_source_def *)n;
      str(j, "name", d->name.text);
      str(j, "source_kind", d->kind.text);
      break;
    }
    case JX_NODE_CONTACT: {
      const jx_contact *c = (const jx_contact *)n;
      str(j, "name", c->name.text);
      optional_string(j, "phone", c->phone);
      break;
    }
    case JX_NODE_LABELLED: {
      const jx_labelled *l = (const jx_labelled *)n;
      str(j, "label", l->label.text);
      str(j, "text", l->text.text);
      break;
    }
    case JX_NODE_SCHEDULE: {
      const jx_schedule *s = (const jx_schedule *)n;
      jx_json_key(j, "stages");
      jx_json_begin_array(j);
      for (size_t i = 0; i < s->stages.len; i++) {
        const jx_stage *st = s->stages.items[i];
        jx_json_begin_object(j);
        str(j, "name", st->name.text);
        value_object(j, "when", &st->when);
        optional_string(j, "description", st->description);
        jx_json_end_object(j);
      }
      jx_json_end_array(j);
      break;
    }
    case JX_NODE_REGION:
    case JX_NODE_YEAR:
    case JX_NODE_MONEY_UNIT:
    case JX_NODE_VALUE_SPELLING:
      str(j, "value", ((const jx_name_item *)n)->value.text);
      break;
    case JX_NODE_IMPORT:
      str(j, "path", ((const jx_text_item *)n)->text.text);
      break;
    case JX_NODE_COMPILED_BY:
    case JX_NODE_REVIEWED_BY:
    case JX_NODE_FRAMEWORK:
    case JX_NODE_OVERALL_TARGET:
    case JX_NODE_SUB_TARGET_TEXT:
    case JX_NODE_SUB_INDICATOR_TEXT:
    case JX_NODE_CATEGORY:
    case JX_NODE_IMPLEMENTER:
    case JX_NODE_PURPOSE:
    case JX_NODE_TARGET:
    case JX_NODE_MEDIUM_TARGET:
    case JX_NODE_OVERVIEW:
    case JX_NODE_LEGAL_BASIS:
    case JX_NODE_PROJECT_TYPE:
    case JX_NODE_FUNDS_NATURE:
    case JX_NODE_PARENT_PROJECT:
    case JX_NODE_OVERSIGHT:
    case JX_NODE_NOTES:
      str(j, "text", ((const jx_text_item *)n)->text.text);
      break;
    case JX_NODE_SUB_TARGET: {
      const jx_sub_target *s = (const jx_sub_target *)n;
      str(j, "title", s->title.text);
      children(j, "texts", &s->texts);
      break;
    }
    case JX_NODE_SAFEGUARD: {
      const jx_safeguard *s = (const jx_safeguard *)n;
      str(j, "title", s->title.text);
      str(j, "text", s->text.text);
      break;
    }
    case JX_NODE_PROJECT: {
      const jx_project *p = (const jx_project *)n;
      str(j, "code", p->code ? p->code->text : NULL);
      str(j, "name", p->name.text);
      str(j, "agency", p->agency && p->agency->code ? p->agency->code->text : NULL);
      if (p->agency && !p->agency->code) str(j, "agency_name", p->agency->name.text);
      if (p->section) str(j, "section", p->section->name.text);
      children(j, "fields", &p->fields);
      break;
    }
    case JX_NODE_BUDGET:
    case JX_NODE_MEDIUM_BUDGET:
    case JX_NODE_TOTAL_FUNDS: {
      const jx_budget *b = (const jx_budget *)n;
      amount(j, "amount", &b->amount);
      sources(j, "sources", &b->sources);
      break;
    }
    case JX_NODE_PERIOD: {
      const jx_period *p = (const jx_period *)n;
      str(j, "from", p->from.text);
      str(j, "to", p->to.text);
      break;
    }
    case JX_NODE_PLAN: {
      const jx_plan *p = (const jx_plan *)n;
      jx_json_key(j, "entries");
      jx_json_begin_array(j);
      for (size_t i = 0; i < p->entries.len; i++) {
        const jx_plan_entry *e = p->entries.items[i];
        jx_json_begin_object(j);
        jx_json_key(j, "month");
        jx_json_int(j, e->month);
        jx_json_key(j, "month_end");
        jx_json_bool(j, e->month_end);
        decimal(j, "percent", e->percent);
        jx_json_end_object(j);
      }
      jx_json_end_array(j);
      break;
    }
    case JX_NODE_GROUP: {
      const jx_group *g = (const jx_group *)n;
      str(j, "level1", g->level1.text);
      jx_json_key(j, "medium_term");
      jx_json_bool(j, g->medium_term);
      if (g->flat) {
        jx_json_key(j, "flat");
        jx_json_bool(j, true);
      }
      children(j, "rows", &g->rows);
      break;
    }
    case JX_NODE_ROW: {
      const jx_row *r = (const jx_row *)n;
      str(j, "level2", *r->level2.text ? r->level2.text : NULL);
      str(j, "name", r->name.text);
      if (r->ordinal) str(j, "ordinal", r->ordinal);
      if (r->blank_name) {
        jx_json_key(j, "blank_name");
        jx_json_bool(j, true);
      }
      jx_json_key(j, "not_applicable_row");
      jx_json_bool(j, r->not_applicable_row);
      value(j, &r->value);
      if (r->long_term) value_object(j, "long_term", r->long_term);
      optional_string(j, "description", r->description);
      optional_string(j, "basis", r->basis);
      optional_string(j, "standard", r->standard);
      if (r->allows.len) {
        jx_json_key(j, "allows");
        jx_json_begin_array(j);
        for (size_t i = 0; i < r->allows.len; i++) {
          jx_json_begin_object(j);
          allow_fields(j, r->allows.items[i]);
          jx_json_end_object(j);
        }
        jx_json_end_array(j);
      }
      break;
    }
    case JX_NODE_DIMENSION: {
      const jx_dimension *d = (const jx_dimension *)n;
      str(j, "name", d->name.text);
      str(j, "alias", d->alias.text);
      break;
    }
    case JX_NODE_UNIT_DEF: {
      const jx_unit_def *u = (const jx_unit_def *)n;
      str(j, "name", u->name.text);
      str(j, "dimension", u->dimension ? u->dimension->text : NULL);
      jx_json_key(j, "precision");
      if (u->precision >= 0)
        jx_json_int(j, u->precision);
      else
        jx_json_null(j);
      if (u->of) {
        decimal(j, "factor", u->factor);
        str(j, "of", u->of->text);
      }
      break;
    }
    case JX_NODE_FRAMEWORK_DEF: {
      const jx_framework_def *f = (const jx_framework_def *)n;
      str(j, "name", f->name.text);
      jx_json_key(j, "default");
      jx_json_bool(j, f->is_default);
      jx_json_key(j, "groups");
      jx_json_begin_array(j);
      for (size_t i = 0; i < f->groups.len; i++) {
        const jx_fw_group *g = f->groups.items[i];
        jx_json_begin_object(j);
        str(j, "name", g->name.text);
        str(j, "alias", g->alias.text);
        jx_json_key(j, "required");
        jx_json_bool(j, g->required);
        jx_json_key(j, "levels");
        jx_json_begin_array(j);
        for (size_t k = 0; k < g->levels.len; k++) {
          const jx_fw_level *l = g->levels.items[k];
          jx_json_begin_object(j);
          str(j, "name", l->name.text);
          str(j, "alias", l->alias.text);
          jx_json_end_object(j);
        }
        jx_json_end_array(j);
        jx_json_end_object(j);
      }
      jx_json_end_array(j);
      break;
    }
    case JX_NODE_LOWER_IS_BETTER:
    case JX_NODE_RATIO_NAMES:
    case JX_NODE_NOT_RATIO_NAMES: {
      const jx_name_list *l = (const jx_name_list *)n;
      jx_json_key(j, "names");
      jx_json_begin_array(j);
      for (size_t i = 0; i < l->names.len; i++)
        jx_json_string(j, ((const jx_string *)l->names.items[i])->text);
      jx_json_end_array(j);
      break;
    }
    case JX_NODE_KIND_COUNT:
      break;
  }
  trivia(j, n->blank_before, jx_trivia_of(n));
  jx_json_end_object(j);
}

void jx_dump_file(const jx_ctx *ctx, const jx_file *f, jx_json *j) {
  jx_json_begin_object(j);
  if (j->locations) str(j, "path", jx_ctx_source(ctx, f->file)->path);
  children(j, "items", &f->items);
  comments(j, "comments_at_end", &f->dangling);
  jx_json_end_object(j);
}

void jx_dump_document_begin(const jx_ctx *ctx, const jx_file *root, jx_json *j) {
  jx_json_begin_object(j);
  str(j, "root", root ? jx_ctx_source(ctx, root->file)->path : NULL);
  jx_json_key(j, "files");
  jx_json_begin_array(j);
}

void jx_dump_document_end(jx_json *j) {
  jx_json_end_array(j);
  jx_json_end_object(j);
}

void jx_dump_document(const jx_ctx *ctx, const jx_document *doc, jx_json *j) {
  jx_dump_document_begin(ctx, doc->files.len ? doc->files.items[0] : NULL, j);
  for (size_t i = 0; i < doc->files.len; i++) jx_dump_file(ctx, doc->files.items[i], j);
  jx_dump_document_end(j);
}

char *jx_dump_file_text(const jx_ctx *ctx, const jx_file *f, bool locations) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  if (!out) return NULL;
  jx_json j;
  jx_json_init(&j, out);
  j.locations = locations;
  jx_dump_file(ctx, f, &j);
  fclose(out);
  return buf;
}
