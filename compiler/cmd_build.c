/* jxc build: one document (from one or more root files) to the exchange XML,
 * the IATI export, or the printable tables. Nothing is written when the
 * document has errors or the output does not validate. */
#include <config.h>

#include "cli.h"
#include "i18n.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "document.h"
#include "iati.h"
#include "xml_write.h"

static const char *const report_formats[] = {"html", "text", "csv", "markdown", "xlsx", "pdf"};

static bool is_report_format(const char *f) {
  for (size_t i = 0; i < sizeof report_formats / sizeof report_formats[0]; i++)
    if (!strcmp(f, report_formats[i])) return true;
  return false;
}

/* Renders a printable format into a malloc'd buffer (all but xlsx). */
static char *render(jx_ctx *ctx, const char *format, const jx_tables *r,
                    const jx_report_options *opt, size_t *len) {
  char *buf = NULL;
  FILE *mem = open_memstream(&buf, len);
  if (!mem) return NULL;
  bool ok = !strcmp(format, "html")     ? jx_render_html(ctx, r, mem)
            : !strcmp(format, "text")   ? jx_render_text(ctx, r, opt, mem)
            : !strcmp(format, "csv")    ? jx_render_csv(ctx, r, opt, mem)
                                        : jx_render_markdown(ctx, r, mem);
  fclose(mem);
  if (!ok) {
    free(buf);
    return NULL;
  }
  return buf;
}

#ifdef HAVE_XLSXWRITER
struct xlsx_job {
  jx_ctx *ctx;
  const jx_tables *r;
  const jx_report_options *opt;
};

static bool write_xlsx_to(const char *tmp, void *data, const char **why) {
  struct xlsx_job *job = data;
  return jx_render_xlsx(job->ctx, job->r, job->opt, tmp, why);
}
#endif

/* XLSX is written by libxlsxwriter to a file: the temporary one of the
 * output, renamed when complete. */
static int write_xlsx(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                      const char *path) {
#ifdef HAVE_XLSXWRITER
  if (!path || !strcmp(path, "-")) {
    fputs(_("jxc: --format=xlsx writes a file: give it with -o FILE.xlsx.\n"), stderr);
    return EXIT_USAGE;
  }
  struct xlsx_job job = {ctx, r, opt};
  return jx_cli_write_with(ctx, path, write_xlsx_to, &job) ? EXIT_CLEAN : EXIT_USAGE;
#else
  (void)ctx;
  (void)r;
  (void)opt;
  (void)path;
  fputs(_("jxc: this jxc was built without XLSX support; install libxlsxwriter "
        "(Debian: libxlsxwriter-dev) and run configure again.\n"), stderr);
  return EXIT_USAGE;
#endif
}

#ifdef HAVE_PDF
struct pdf_job {
  jx_ctx *ctx;
  const jx_tables *r;
  const jx_report_options *opt;
};

static bool write_pdf_to(const char *tmp, void *data, const char **why) {
  struct pdf_job *job = data;
  return jx_render_pdf(job->ctx, job->r, job->opt, tmp, why);
}
#endif

/* PDF is written by cairo to a file: the temporary one of the output,
 * renamed when complete. */
static int write_pdf(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                     const char *path) {
#ifdef HAVE_PDF
  if (!path || !strcmp(path, "-")) {
    fputs(_("jxc: --format=pdf writes a file: give it with -o FILE.pdf.\n"), stderr);
    return EXIT_USAGE;
  }
  struct pdf_job job = {ctx, r, opt};
#ifdef __GLIBC__
  /* cairo copies each embedded font's CFF table (some 20 MB for a CJK face)
   * into a new buffer, twice per face. From the heap, and kept there when
   * freed, the buffers reuse the same pages instead of faulting in fresh
   * ones each time: a fifth of the time of the example's PDF. */
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
  return jx_cli_write_with(ctx, path, write_pdf_to, &job) ? EXIT_CLEAN : EXIT_USAGE;
#else
  (void)ctx;
  (void)r;
  (void)opt;
  (void)path;
  fputs(_("jxc: this jxc was built without PDF support; install cairo and pango "
        "(Debian: apt-get install libcairo2-dev libpango1.0-dev, or run "
        "tools/install-deps.sh) and run configure again.\n"), stderr);
  return EXIT_USAGE;
#endif
}

static int build_tables(jx_ctx *ctx, const jx_cli *cli, const char *format,
                        const jx_document *doc, const jx_library *lib) {
  jx_report_options ropt = cli->report;
  /* Text fits the terminal it is shown on; elsewhere 100 columns. */
  struct winsize ws;
  if (!ropt.width)
    ropt.width = (!cli->output || !strcmp(cli->output, "-")) && isatty(STDOUT_FILENO) &&
                         ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40
                     ? ws.ws_col
                     : 100;
  /* ≥ and ≤ at the width the terminal draws them: as told, else as the
   * terminal the text goes to says, else one column. */
  bool to_terminal = (!cli->output || !strcmp(cli->output, "-")) && isatty(STDOUT_FILENO);
  if (!strcmp(format, "text"))
    ropt.ambiguous_wide = cli->ambiguous ? cli->ambiguous == 2
                          : to_terminal && jx_cli_terminal_ambiguous_width(STDOUT_FILENO) == 2;
  jx_library doclib = jx_library_for_document(ctx, lib, doc);
  const char *why = NULL;
  jx_tables *r = jx_report_build(ctx, doc, &doclib, &ropt, &why);
  if (!r) {
    fprintf(stderr, _("jxc: nothing to print: %s.\n"), why);
    return EXIT_USAGE;
  }
  if (!strcmp(format, "xlsx")) return write_xlsx(ctx, r, &ropt, cli->output);
  if (!strcmp(format, "pdf")) return write_pdf(ctx, r, &ropt, cli->output);
  size_t len = 0;
  char *text = render(ctx, format, r, &ropt, &len);
  int status = EXIT_CLEAN;
  if (!text) {
    fputs(_("jxc: cannot render the tables.\n"), stderr);
    status = EXIT_USAGE;
  } else if (!jx_cli_write(ctx, cli->output ? cli->output : "-", text, len)) {
    status = EXIT_USAGE;
  }
  free(text);
  return status;
}

/* The IATI export: a libxml2 tree (compiler/iati.c), dumped by libxml2,
 * and validated when the official schema's folder is given. */
static int build_iati(jx_ctx *ctx, const jx_cli *cli, const jx_document *doc,
                      const jx_library *lib) {
  size_t shown = ctx->diags.len;
  jx_library doclib = jx_library_for_document(ctx, lib, doc);
  xmlDocPtr xml = jx_iati_build(ctx, doc, &doclib);
  if (!xml) {
    /* What the IATI writer reported; the checker's findings are out already. */
    for (size_t i = shown; i < ctx->diags.len; i++)
      jx_diag_print(ctx, ctx->diags.items[i], stderr);
    return EXIT_INPUT;
  }
  xmlChar *text = NULL;
  int len = 0;
  xmlDocDumpFormatMemoryEnc(xml, &text, &len, "UTF-8", 1);
  xmlFreeDoc(xml);
  if (!text) abort();
  /* The IATI schema is not ours to ship; validate when told where it is. */
  const char *dir = getenv("JIXIAO_IATI_SCHEMA");
  const char *xsd = dir && *dir
                        ? jx_arena_printf(ctx->arena, "%s/iati-activities-schema.xsd", dir)
                        : NULL;
  const char *why = NULL;
  int status = EXIT_CLEAN;
  if (xsd && !jx_xml_validate(ctx, (const char *)text, (size_t)len, xsd, &why)) {
    fprintf(stderr, _("jxc: internal error: the XML made for this document does "
                    "not follow %s, so it was not written. Please report this "
                    "with the input.\n%s\n"), xsd, why);
    status = EXIT_USAGE;
  } else if (!jx_cli_write(ctx, cli->output ? cli->output : "-", (const char *)text,
                           (size_t)len)) {
    status = EXIT_USAGE;
  }
  xmlFree(text);
  return status;
}

/* Where the exchange XML goes while it is written: every chunk to the
 * validator, and to the output's temporary file, which is renamed into
 * place only when the whole document is valid. Standard output, a pipe or
 * a device cannot take back what they were given, so for them the text is
 * held until it has validated: in an unnamed temporary file (tmpfile), so
 * that memory does not grow with the document, or in memory when no such
 * file can be made. */
typedef struct xml_target {
  jx_xml_validation *check; /* NULL without a schema */
  jx_output *out;           /* NULL when the output cannot be opened */
  const char *why;          /* why writing out failed */
  FILE *spool;              /* for a direct output */
  char *held;               /* for a direct output without a spool */
  size_t held_len, held_cap;
} xml_target;

static void hold(xml_target *t, const char *bytes, size_t len) {
  if (t->spool) {
    if (fwrite(bytes, 1, len, t->spool) != len)
      t->why = jx_arena_printf(t->out->ctx->arena, "cannot keep the XML in a temporary "
                               "file until it has validated: %s", strerror(errno));
    return;
  }
  if (t->held_len + len > t->held_cap) {
    size_t cap = t->held_cap ? t->held_cap : JX_XML_CHUNK;
    while (cap < t->held_len + len) cap *= 2;
    t->held = realloc(t->held, cap);
    if (!t->held) abort();
    t->held_cap = cap;
  }
  memcpy(t->held + t->held_len, bytes, len);
  t->held_len += len;
}

static void to_target(void *data, const char *bytes, size_t len) {
  xml_target *t = data;
  if (t->check) jx_xml_validation_feed(t->check, bytes, len);
  if (!t->out || t->why) return;
  if (t->out->direct)
    hold(t, bytes, len);
  else
    jx_output_write(t->out, bytes, len, &t->why);
}

/* What was held for a direct output, to it. */
static void release(xml_target *t) {
  if (!t->spool) {
    jx_output_write(t->out, t->held, t->held_len, &t->why);
    return;
  }
  char buf[JX_XML_CHUNK];
  size_t n;
  if (fflush(t->spool) != 0 || fseek(t->spool, 0, SEEK_SET) != 0) {
    t->why = jx_arena_printf(t->out->ctx->arena, "cannot read back the XML kept in a "
                             "temporary file: %s", strerror(errno));
    return;
  }
  while (!t->why && (n = fread(buf, 1, sizeof buf, t->spool)) > 0)
    jx_output_write(t->out, buf, n, &t->why);
  if (!t->why && ferror(t->spool))
    t->why = jx_arena_printf(t->out->ctx->arena, "cannot read back the XML kept in a "
                             "temporary file: %s", strerror(errno));
}

/* The text of the XML on its way from the writer to the validator: a
 * bounded queue of chunks (copies of the writer's buffer), so the two run
 * on threads of their own and memory stays at a few chunks. */
enum { XML_QUEUE = 16 };

typedef struct chunk_queue {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  struct {
    char *bytes; /* malloc'd */
    size_t len;
  } items[XML_QUEUE];
  size_t head, count;
  bool closed; /* the writer is done */
} chunk_queue;

static void queue_put(void *data, const char *bytes, size_t len) {
  chunk_queue *q = data;
  char *copy = malloc(len);
  if (!copy) {
    fputs(_("jxc: out of memory.\n"), stderr);
    abort();
  }
  memcpy(copy, bytes, len);
  pthread_mutex_lock(&q->mu);
  while (q->count == XML_QUEUE) pthread_cond_wait(&q->cv, &q->mu);
  size_t at = (q->head + q->count++) % XML_QUEUE;
  q->items[at].bytes = copy;
  q->items[at].len = len;
  pthread_cond_broadcast(&q->cv);
  pthread_mutex_unlock(&q->mu);
}

static void queue_close(chunk_queue *q) {
  pthread_mutex_lock(&q->mu);
  q->closed = true;
  pthread_cond_broadcast(&q->cv);
  pthread_mutex_unlock(&q->mu);
}

/* The next chunk (the caller frees it), or NULL when the writer is done. */
static char *queue_get(chunk_queue *q, size_t *len) {
  pthread_mutex_lock(&q->mu);
  while (!q->count && !q->closed) pthread_cond_wait(&q->cv, &q->mu);
  char *bytes = NULL;
  if (q->count) {
    bytes = q->items[q->head].bytes;
    *len = q->items[q->head].len;
    q->head = (q->head + 1) % XML_QUEUE;
    q->count--;
    pthread_cond_broadcast(&q->cv);
  }
  pthread_mutex_unlock(&q->mu);
  return bytes;
}

/* What the checker's thread tells the writer's of a document it reads one
 * file at a time (jx_check_watch, jx_xml_write_following): an unbounded
 * queue of small events; the sources they point to stay in the ctx. */
typedef struct event_queue {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  jx_xml_event *items; /* malloc'd */
  size_t head, len, cap;
} event_queue;

static void event_put(event_queue *q, jx_xml_event ev) {
  pthread_mutex_lock(&q->mu);
  if (q->head + q->len == q->cap) {
    if (q->head) { /* reuse the room of what was taken */
      memmove(q->items, q->items + q->head, q->len * sizeof *q->items);
      q->head = 0;
    }
    if (q->len == q->cap) {
      q->cap = q->cap ? q->cap * 2 : 256;
      q->items = realloc(q->items, q->cap * sizeof *q->items);
      if (!q->items) {
        fputs(_("jxc: out of memory.\n"), stderr);
        abort();
      }
    }
  }
  q->items[q->head + q->len++] = ev;
  pthread_cond_broadcast(&q->cv);
  pthread_mutex_unlock(&q->mu);
}

static jx_xml_event event_get(void *data) {
  event_queue *q = data;
  pthread_mutex_lock(&q->mu);
  while (!q->len) pthread_cond_wait(&q->cv, &q->mu);
  jx_xml_event ev = q->items[q->head++];
  q->len--;
  pthread_mutex_unlock(&q->mu);
  return ev;
}

/* The checker's side: each file as the loader reads it, each import line
 * once dealt with. */
typedef struct watched {
  event_queue *q;
  const jx_ctx *ctx;
} watched;

static void on_file(const jx_file *file, void *data) {
  watched *w = data;
  event_put(w->q, (jx_xml_event){JX_XML_FILE, file->file, jx_ctx_source(w->ctx, file->file)});
}

static void on_import_done(void *data) {
  watched *w = data;
  event_put(w->q, (jx_xml_event){.kind = JX_XML_IMPORT_DONE});
}

/* The writer's side of a build: the exchange XML written, validated, and
 * written into the output's temporary file, on two threads of their own
 * beside the checker. A document read whole is read by the checker and
 * the writer at once (read-only to both); one read a file at a time is
 * followed by the writer, which parses each file again from its source
 * (jx_xml_write_following). The writer and the validator each have a ctx
 * of their own (own arena and diagnostics), so no two threads write the
 * same memory. */
typedef struct xml_job {
  jx_ctx own;               /* the writer's ctx */
  jx_ctx vown;              /* the validator's (and the output's) ctx */
  const jx_document *doc;   /* read whole, or NULL: followed through events */
  event_queue events;
  jx_xml_schema *schema;    /* NULL when it cannot be read */
  xml_target t;             /* the validator's */
  jx_output o;
  chunk_queue q;
  const char *open_why, *invalid_why;
  bool written, valid, cancelled;
} xml_job;

static void *validate_exchange(void *data) {
  xml_job *j = data;
  size_t len;
  for (char *bytes; (bytes = queue_get(&j->q, &len));) {
    to_target(&j->t, bytes, len);
    free(bytes);
  }
  j->valid = j->t.check && jx_xml_validation_finish(j->t.check, &j->invalid_why);
  return NULL;
}

static bool write_xml(xml_job *j, jx_xml_sink sink, void *data) {
  if (j->doc) return jx_xml_write(&j->own, j->doc, sink, data);
  return jx_xml_write_following(&j->own, event_get, &j->events, sink, data, &j->cancelled);
}

static void *write_exchange(void *data) {
  xml_job *j = data;
  pthread_t validator;
  if (pthread_create(&validator, NULL, validate_exchange, j) == 0) {
    j->written = write_xml(j, queue_put, &j->q);
    queue_close(&j->q);
    pthread_join(validator, NULL);
  } else {
    j->written = write_xml(j, to_target, &j->t);
    j->valid = j->t.check && jx_xml_validation_finish(j->t.check, &j->invalid_why);
  }
  return NULL;
}

/* A ctx of a thread's own: its arena and diagnostics, the sources of ctx. */
static bool own_ctx(jx_ctx *own, const jx_ctx *ctx) {
  *own = *ctx;
  own->arena = jx_arena_new();
  own->diags = (jx_list){0};
  own->nerrors = own->nwarnings = 0;
  return own->arena != NULL;
}

/* Runs the checker of a build: on doc, read whole, or on the document at
 * path, read one file at a time and followed by the writer. False when
 * path cannot be read (why), or must be read whole (*whole). */
static bool check_for_build(jx_ctx *ctx, const jx_cli *cli, xml_job *j, const char *path,
                            jx_allowances *allows, const jx_library *lib, bool *whole,
                            const char **why) {
  if (j->doc) {
    jx_check(ctx, j->doc, lib);
    jx_allowances_add_document(allows, ctx, j->doc);
    jx_check_filter_allowances(ctx, allows, &cli->check);
    return true;
  }
  watched w = {&j->events, ctx};
  jx_check_watch watch = {.file = on_file, .import_done = on_import_done,
                          .allows_in_root = true, .data = &w};
  bool ok = jx_check_streamed(ctx, lib, allows, path, &watch, whole, why);
  event_put(&j->events, (jx_xml_event){.kind = ok ? JX_XML_END : JX_XML_CANCEL});
  if (ok) jx_check_filter_allowances(ctx, allows, &cli->check);
  return ok;
}

/* The exchange XML of doc (read whole), or of the document at path, read
 * one file at a time. The checker runs on this thread, the writer and the
 * validator on two more (on two cores a build takes about the longest of
 * the three, not their sum). Nothing is written when the checker finds
 * errors. What goes wrong is told in the order it always was: the
 * checker's findings, what the document cannot carry, a missing or
 * unreadable schema, an invalid result, and only then the output file.
 * Returns -1, with nothing told, when the document at path must be read
 * whole. */
static int build_exchange(jx_ctx *ctx, const jx_cli *cli, const jx_document *doc,
                          const char *path, jx_allowances *allows, const jx_library *lib) {
  const char *xsd = jx_schema_path(ctx);
  const char *schema_why = NULL;
  xml_job j = {.doc = doc};
  if (!own_ctx(&j.own, ctx) || !own_ctx(&j.vown, ctx)) {
    fputs(_("jxc: out of memory.\n"), stderr);
    abort();
  }
  pthread_mutex_init(&j.q.mu, NULL);
  pthread_cond_init(&j.q.cv, NULL);
  pthread_mutex_init(&j.events.mu, NULL);
  pthread_cond_init(&j.events.cv, NULL);
  /* libxml2 is initialised here, on this thread, by reading the schema. */
  j.schema = xsd ? jx_xml_schema_load(ctx, xsd, &schema_why) : NULL;
  if (j.schema) {
    j.t.check = jx_xml_validation_start(&j.vown, j.schema);
    if (jx_cli_open(&j.vown, &j.o, cli->output ? cli->output : "-", &j.open_why))
      j.t.out = &j.o;
    if (j.t.out && j.o.direct) j.t.spool = tmpfile();
  }
  pthread_t writer;
  bool threaded = pthread_create(&writer, NULL, write_exchange, &j) == 0;
  bool whole = false;
  const char *why = NULL;
  bool read = true;
  if (threaded) {
    read = check_for_build(ctx, cli, &j, path, allows, lib, &whole, &why);
    pthread_join(writer, NULL);
  } else if (doc) {
    read = check_for_build(ctx, cli, &j, path, allows, lib, &whole, &why);
    write_exchange(&j); /* no second thread to be had: one after the other */
  } else {
    whole = true; /* nothing to follow the reading on: read it whole */
  }
  int status = EXIT_USAGE;
  if (whole) {
    status = -1;
  } else if (!read) {
    fprintf(stderr, _("jxc: %s.\n"), why);
  } else {
    jx_cli_print_diags(ctx, cli);
    const char *source_why = NULL;
    if (ctx->nerrors) {
      fputs(_("jxc: nothing was written, because the document has errors.\n"), stderr);
      status = EXIT_INPUT;
    } else if (!j.written) {
      /* What the XML writer reported; the checker's findings are out already. */
      for (size_t i = 0; i < j.own.diags.len; i++)
        jx_diag_print(&j.own, j.own.diags.items[i], stderr);
      status = EXIT_INPUT;
    } else if (!xsd) {
      fputs(_("jxc: cannot find the schema jixiao-1.xsd (set JIXIAO_SCHEMA); "
            "nothing was written.\n"), stderr);
    } else if (!j.schema || !j.valid) {
      fprintf(stderr, _("jxc: internal error: the XML made for this document does "
                      "not follow %s, so it was not written. Please report this "
                      "with the input.\n%s\n"), xsd, j.schema ? j.invalid_why : schema_why);
    } else if (!j.t.out) {
      fprintf(stderr, _("jxc: %s.\n"), j.open_why);
    } else if (!jx_output_not_source(ctx, &j.o, &source_why)) {
      /* Opened before the document was read: checked against its files now. */
      fprintf(stderr, _("jxc: %s.\n"), source_why);
    } else {
      if (j.o.direct && !j.t.why) release(&j.t);
      if (jx_cli_commit(&j.o, !j.t.why, j.t.why)) status = EXIT_CLEAN;
      j.t.out = NULL;
    }
  }
  jx_xml_schema_free(j.schema);
  if (j.t.out) jx_cli_discard(j.t.out);
  if (j.t.spool) fclose(j.t.spool);
  free(j.t.held);
  free(j.events.items);
  pthread_mutex_destroy(&j.q.mu);
  pthread_cond_destroy(&j.q.cv);
  pthread_mutex_destroy(&j.events.mu);
  pthread_cond_destroy(&j.events.cv);
  jx_arena_free(j.own.arena);
  jx_arena_free(j.vown.arena);
  return status;
}

int jx_cmd_build(int argc, char **argv, const jx_cli *cli) {
  const char *format = cli->format ? cli->format : "xml";
  bool iati = !strcmp(format, "iati");
  if (strcmp(format, "xml") != 0 && !iati && !is_report_format(format))
    return jx_cli_usage_error("build: unknown --format '%s' (use xml, iati, pdf, html, "
                              "text, csv, markdown or xlsx).", format);
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  jx_library lib;
  if (!jx_cli_load_library(ctx, &lib)) {
    jx_ctx_free(ctx);
    return EXIT_USAGE;
  }
  const char *why = NULL;
  bool exchange = !iati && !is_report_format(format);
  jx_allowances *allows = jx_allowances_new();
  int status;
  /* One root: checked one file at a time while the writer follows, parsing
   * each file again from the source the ctx keeps for the diagnostics, so a
   * province's build never holds its syntax tree. */
  if (exchange && argc == 1) {
    status = build_exchange(ctx, cli, NULL, argv[0], allows, &lib);
    if (status >= 0) {
      jx_allowances_free(allows);
      jx_ctx_free(ctx);
      return status;
    }
  }
  jx_document *doc = jx_document_load_all(ctx, argv, argc, &why);
  if (!doc) {
    jx_allowances_free(allows);
    fprintf(stderr, _("jxc: %s.\n"), why);
    return jx_cli_finish(ctx, cli, EXIT_USAGE);
  }
  if (!ctx->nerrors && exchange) {
    status = build_exchange(ctx, cli, doc, NULL, allows, &lib);
    jx_allowances_free(allows);
    jx_ctx_free(ctx);
    return status;
  }
  jx_allowances_free(allows);
  if (!ctx->nerrors) jx_check(ctx, doc, &lib);
  jx_list docs = {0};
  jx_list_push(ctx->arena, &docs, doc);
  jx_check_filter(ctx, &docs, &cli->check);
  jx_cli_print_diags(ctx, cli);
  if (ctx->nerrors) {
    fputs(_("jxc: nothing was written, because the document has errors.\n"), stderr);
    status = EXIT_INPUT;
  } else if (is_report_format(format)) {
    status = build_tables(ctx, cli, format, doc, &lib);
  } else {
    status = build_iati(ctx, cli, doc, &lib);
  }
  jx_ctx_free(ctx);
  return status;
}
