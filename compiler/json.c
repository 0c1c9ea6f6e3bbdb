#include "json.h"

#include <string.h>

/* The writer is called for every token of a large document: it writes
 * without stdio's per-call locking (the stream is this thread's alone) and
 * copies runs of plain bytes at once. */
#define put(c, out) putc_unlocked((c), (out))
static void puts_n(const char *s, size_t n, FILE *out) { fwrite_unlocked(s, 1, n, out); }
#define PUTS(lit, out) puts_n((lit), sizeof(lit) - 1, (out))

void jx_json_init(jx_json *j, FILE *out) {
  j->out = out;
  j->depth = 0;
  j->first = true;
  j->after_key = false;
  j->locations = true;
}

static void indent(jx_json *j) {
  static const char spaces[] = "                                                                ";
  put('\n', j->out);
  for (size_t n = 2 * (size_t)j->depth; n;) {
    size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
    puts_n(spaces, k, j->out);
    n -= k;
  }
}

/* Separator and indentation before a value or key. */
static void before(jx_json *j) {
  if (j->after_key) {
    j->after_key = false;
    return;
  }
  if (j->depth > 0) {
    if (!j->first) put(',', j->out);
    indent(j);
  }
  j->first = false;
}

static void open(jx_json *j, char c) {
  before(j);
  put(c, j->out);
  j->depth++;
  j->first = true;
}

static void close(jx_json *j, char c) {
  j->depth--;
  if (!j->first) indent(j);
  put(c, j->out);
  j->first = false;
  if (j->depth == 0) put('\n', j->out);
}

void jx_json_begin_object(jx_json *j) { open(j, '{'); }
void jx_json_end_object(jx_json *j) { close(j, '}'); }
void jx_json_begin_array(jx_json *j) { open(j, '['); }
void jx_json_end_array(jx_json *j) { close(j, ']'); }

void jx_json_write_escaped(FILE *out, const char *s) {
  put('"', out);
  const unsigned char *run = (const unsigned char *)s, *p = run;
  for (; *p; p++) {
    if (*p >= 0x20 && *p != '"' && *p != '\\') continue;
    puts_n((const char *)run, (size_t)(p - run), out);
    run = p + 1;
    switch (*p) {
      case '"': PUTS("\\\"", out); break;
      case '\\': PUTS("\\\\", out); break;
      case '\n': PUTS("\\n", out); break;
      case '\t': PUTS("\\t", out); break;
      case '\r': PUTS("\\r", out); break;
      default: fprintf(out, "\\u%04x", *p);
    }
  }
  puts_n((const char *)run, (size_t)(p - run), out);
  put('"', out);
}

void jx_json_key(jx_json *j, const char *key) {
  before(j);
  jx_json_write_escaped(j->out, key);
  PUTS(": ", j->out);
  j->after_key = true;
}

void jx_json_string(jx_json *j, const char *s) {
  before(j);
  if (s)
    jx_json_write_escaped(j->out, s);
  else
    PUTS("null", j->out);
}

void jx_json_int(jx_json *j, long long v) {
  before(j);
  fprintf(j->out, "%lld", v);
}

void jx_json_bool(jx_json *j, bool v) {
  before(j);
  if (v)
    PUTS("true", j->out);
  else
    PUTS("false", j->out);
}

void jx_json_null(jx_json *j) {
  before(j);
  fputs("null", j->out);
}
