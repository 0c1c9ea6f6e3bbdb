/* A small streaming JSON writer with stable, pretty-printed output. */
#ifndef JX_JSON_H
#define JX_JSON_H

#include <stdbool.h>
#include <stdio.h>

typedef struct jx_json {
  FILE *out;
  int depth;
  bool first;     /* no member written yet at this depth */
  bool after_key; /* a key was written; the value follows on its line */
  bool locations; /* for the AST dump: include locations (default true) */
} jx_json;

void jx_json_init(jx_json *j, FILE *out);
void jx_json_begin_object(jx_json *j);
void jx_json_end_object(jx_json *j);
void jx_json_begin_array(jx_json *j);
void jx_json_end_array(jx_json *j);
void jx_json_key(jx_json *j, const char *key);
void jx_json_string(jx_json *j, const char *s); /* NULL writes null */
void jx_json_int(jx_json *j, long long v);
void jx_json_bool(jx_json *j, bool v);
void jx_json_null(jx_json *j);

/* Writes s as a JSON string literal (quotes included). */
void jx_json_write_escaped(FILE *out, const char *s);

#endif
