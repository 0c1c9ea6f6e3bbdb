#include "json.h"

void jx_json_init(jx_json *j, FILE *out) {
  j->out = out;
  j->depth = 0;
  j->first = true;
  j->after_key = false;
  j->locations = true;
}

static void indent(jx_json *j) {
  fputc('\n', j->out);
  for (int i = 0; i < j->depth; i++) fputs("  ", j->out);
}

/* Separator and indentation before a value or key. */
static void before(jx_json *j) {
  if (j->after_key) {
    j->after_key = false;
    return;
  }
  if (j->depth > 0) {
    if (!j->first) fputc(',', j->out);
    indent(j);
  }
  j->first = false;
}

static void open(jx_json *j, char c) {
  before(j);
  fputc(c, j->out);
  j->depth++;
  j->first = true;
}

static void close(jx_json *j, char c) {
  j->depth--;
  if (!j->first) indent(j);
  fputc(c, j->out);
  j->first = false;
  if (j->depth == 0) fputc('\n', j->out);
}

void jx_json_begin_object(jx_json *j) { open(j, '{'); }
void jx_json_end_object(jx_json *j) { close(j, '}'); }
void jx_json_begin_array(jx_json *j) { open(j, '['); }
void jx_json_end_array(jx_json *j) { close(j, ']'); }

void jx_json_write_escaped(FILE *out, const char *s) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
      case '"': fputs("\\\"", out); break;
      case '\\': fputs("\\\\", out); break;
      case '\n': fputs("\\n", out); break;
      case '\t': fputs("\\t", out); break;
      case '\r': fputs("\\r", out); break;
      default:
        if (*p < 0x20)
          fprintf(out, "\\u%04x", *p);
        else
          fputc(*p, out);
    }
  }
  fputc('"', out);
}

void jx_json_key(jx_json *j, const char *key) {
  before(j);
  jx_json_write_escaped(j->out, key);
  fputs(": ", j->out);
  j->after_key = true;
}

void jx_json_string(jx_json *j, const char *s) {
  before(j);
  if (s)
    jx_json_write_escaped(j->out, s);
  else
    fputs("null", j->out);
}

void jx_json_int(jx_json *j, long long v) {
  before(j);
  fprintf(j->out, "%lld", v);
}

void jx_json_bool(jx_json *j, bool v) {
  before(j);
  fputs(v ? "true" : "false", j->out);
}

void jx_json_null(jx_json *j) {
  before(j);
  fputs("null", j->out);
}
