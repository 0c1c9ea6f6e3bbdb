/* Diagnostics: every problem the compiler finds, with a stable code, a
 * location, a message in full sentences and, where it helps, a hint and
 * related locations (notes). Printed as
 *
 *   FILE:LINE:COL: error[CODE]: message
 *       LINE | source text
 *            | ^^^^ (placed by display width)
 *       = hint: how to fix it
 *
 * The catalogue of codes is doc/diagnostics.md. */
#ifndef JX_DIAG_H
#define JX_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "ctx.h"
#include "source.h"

typedef enum { JX_SEV_ERROR, JX_SEV_WARNING } jx_severity;

typedef struct jx_diag_note {
  jx_loc loc;
  const char *msg;
} jx_diag_note;

typedef struct jx_diag {
  jx_severity sev;
  const char *code;
  jx_loc loc;
  const char *msg;
  const char *hint; /* NULL when there is nothing to add */
  jx_list notes;    /* jx_diag_note * */
  size_t seq;       /* report order, to keep sorting stable */
} jx_diag;

/* Reports a diagnostic; the message is formatted into the ctx's arena. The
 * returned diag stays owned by the ctx; callers may add a hint or notes. */
jx_diag *jx_report(jx_ctx *ctx, jx_severity sev, const char *code, jx_loc loc,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void jx_diag_hint(jx_ctx *ctx, jx_diag *d, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void jx_diag_note_add(jx_ctx *ctx, jx_diag *d, jx_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reports a copy of a diagnostic made in another ctx (its messages copied
 * into this ctx's arena), as if it were reported here and now. */
jx_diag *jx_diag_copy(jx_ctx *ctx, const jx_diag *from);

/* Forgets the diagnostics from index from up to (not including) to, and
 * takes them off the counts: what turned out to be noise. */
void jx_diags_forget(jx_ctx *ctx, size_t from, size_t to);

/* A location that names a whole file (line 0), for problems such as an
 * unreadable import that have no better place. */
jx_loc jx_loc_file(int file);

/* Prints every diagnostic in report order. Text from the source is shown
 * safely: control characters become visible (␛), and an excerpt shows a
 * window around what it underlines, never a whole very long line. */
void jx_diags_print(const jx_ctx *ctx, FILE *out);

/* Prints the first max diagnostics (all when max is 0), then one line saying
 * how many errors and warnings were left out. */
void jx_diags_print_some(const jx_ctx *ctx, FILE *out, size_t max);
void jx_diag_print(const jx_ctx *ctx, const jx_diag *d, FILE *out);

/* One JSON object per line for each diagnostic (fields in doc/checks.md). */
void jx_diags_print_json(const jx_ctx *ctx, FILE *out);

#endif
