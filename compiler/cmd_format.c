/* jxc format: print each file in the canonical layout, comments kept; or,
 * with -w, rewrite the files that are not formatted (atomically, leaving the
 * others untouched); with --check, list them; with --diff, show what would
 * change. A folder stands for every file of its document (the root main.jx
 * and what it imports); - is standard input. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "document.h"
#include "format.h"
#include "i18n.h"
#include "parse.h"
#include "readahead.h"
#include "textdiff.h"

static const char stdin_name[] = "<standard input>";

typedef struct run {
  const jx_cli *cli;
  jx_ctx *ctx;
  jx_arena *tree; /* one file's syntax tree at a time: reset after each */
  jx_readahead *ahead; /* reads the FILE arguments ahead, or NULL */
  int status;
  int unformatted; /* files that are not formatted (--check, --diff) */
} run;

/* Whether file has errors of its own that make its tree incomplete: syntax
 * errors, not the import problems (J020-J022) reported at its import lines,
 * which do not stop it being formatted. */
static bool has_syntax_errors(const jx_ctx *ctx, int file) {
  for (size_t i = 0; i < ctx->diags.len; i++) {
    const jx_diag *d = ctx->diags.items[i];
    if (d->sev != JX_SEV_ERROR || d->loc.file != file) continue;
    if (!strcmp(d->code, "J020") || !strcmp(d->code, "J021") || !strcmp(d->code, "J022"))
      continue;
    return true;
  }
  return false;
}

/* The bytes of the file as read: the source text, and whether a byte order
 * mark was dropped from its start (the formatted file has none). */
static bool had_bom(const jx_source *src) {
  struct stat st;
  return src->has_id && stat(src->path, &st) == 0 && (size_t)st.st_size == src->len + 3;
}

static const char *diff_name(jx_arena *a, const char *path, const char *side) {
  if (path[0] == '/' || !strcmp(path, stdin_name)) return path;
  return jx_arena_printf(a, "%s/%s", side, path);
}

/* Formats one parsed file and does what the options ask with it. */
static void handle(run *r, const jx_file *f) {
  jx_ctx *ctx = r->ctx;
  const jx_source *src = jx_ctx_source(ctx, f->file);
  const char *path = src->path;
  bool is_stdin = !src->has_id;
  if (has_syntax_errors(ctx, f->file)) {
    /* Its tree is incomplete: never print or write it. For git's textconv,
     * show it as it is, so that a revision with a mistake still diffs. */
    if (r->cli->textconv) fwrite(src->text, 1, src->len, stdout);
    if (r->cli->check_only || r->cli->show_diff) r->unformatted++;
    return;
  }
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  if (!mem) {
    fputs(_("jxc: out of memory.\n"), stderr);
    r->status = EXIT_USAGE;
    return;
  }
  jx_format_options opt = {.annotate_units = r->cli->textconv};
  bool ok = jx_format_file_with(ctx, f, &opt, mem);
  fclose(mem);
  if (!ok) {
    /* A diagnostic says which name cannot be written. */
    free(buf);
    return;
  }
  bool same = len == src->len && !memcmp(buf, src->text, len) && !had_bom(src);
  const jx_cli *cli = r->cli;
  if (cli->check_only || cli->show_diff) {
    if (!same) {
      r->unformatted++;
      if (cli->check_only && !cli->show_diff) printf("%s\n", path);
      if (cli->show_diff &&
          !jx_unified_diff(diff_name(ctx->arena, path, "a"), src->text, src->len,
                           diff_name(ctx->arena, path, "b"), buf, len, 3, stdout)) {
        /* Only the byte order mark differs. */
        printf(_("--- %s\n+++ %s\n(the byte order mark at the start is removed)\n"),
               diff_name(ctx->arena, path, "a"), diff_name(ctx->arena, path, "b"));
      }
    }
  }
  if (cli->write && !same && !is_stdin) {
    /* The file is a source of this run, which the output helper protects;
     * here replacing it is the point, so a ctx that has read nothing writes
     * it (atomically, keeping its mode). */
    jx_ctx *w = jx_ctx_new();
    if (!w || !jx_cli_write(w, path, buf, len)) r->status = EXIT_USAGE;
    jx_ctx_free(w);
  }
  if (!cli->write && !cli->check_only && !cli->show_diff) fwrite(buf, 1, len, stdout);
  free(buf);
}

static void handle_streamed(const jx_file *f, void *data) { handle(data, f); }

/* Parses a file on its own (its imports are not followed), formats it and
 * lets its tree go. */
static void handle_file(run *r, int id) {
  handle(r, jx_parse_in(r->ctx, id, r->tree));
  jx_arena_reset(r->tree);
}

/* Whether every argument is a file (not -, not a folder): then they are
 * read ahead on a second thread, each as the index it will get. */
static bool only_files(int argc, char **argv) {
  for (int i = 0; i < argc; i++) {
    struct stat st;
    if (!strcmp(argv[i], "-") || (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)))
      return false;
  }
  return true;
}

/* The FILE argument of ticket, read ahead as the index it now gets, or
 * NULL: the caller reads it (and says why when it cannot be read). */
static jx_readahead_file *taken(run *r, size_t ticket) {
  jx_readahead_file *rf = jx_readahead_take(r->ahead, ticket, (int)r->ctx->sources.len);
  if (rf && !rf->ok) {
    jx_readahead_release(r->ahead, rf);
    rf = NULL;
  }
  return rf;
}

/* Reads standard input whole (at most JX_SOURCE_MAX_BYTES). */
static int load_stdin(jx_ctx *ctx) {
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  if (!buf) return -1;
  size_t n;
  while ((n = fread(buf + len, 1, cap - len, stdin)) > 0) {
    len += n;
    if (len > (size_t)JX_SOURCE_MAX_BYTES) {
      free(buf);
      fputs(_("jxc: standard input is larger than 1 GiB; split it into files with 导入.\n"),
            stderr);
      return -1;
    }
    if (len == cap) {
      char *bigger = realloc(buf, cap *= 2);
      if (!bigger) {
        free(buf);
        return -1;
      }
      buf = bigger;
    }
  }
  if (ferror(stdin)) {
    free(buf);
    fputs(_("jxc: cannot read standard input.\n"), stderr);
    return -1;
  }
  int id = jx_source_add(ctx, stdin_name, buf, len);
  free(buf);
  return id;
}

int jx_cmd_format(int argc, char **argv, const jx_cli *cli) {
  if (cli->write && cli->check_only)
    return jx_cli_usage_error("format: -w rewrites files and --check changes "
                                    "nothing; give one of them.", NULL);
  if (cli->textconv && (cli->write || cli->check_only || cli->show_diff || argc != 1))
    return jx_cli_usage_error("format --textconv takes exactly one FILE and no "
                                    "-w, --check or --diff.", NULL);
  jx_ctx *ctx = jx_cli_ctx(cli);
  if (!ctx) return EXIT_USAGE;
  run r = {cli, ctx, jx_arena_new(), NULL, EXIT_CLEAN, 0};
  if (!r.tree) {
    jx_ctx_free(ctx);
    fputs(_("jxc: out of memory.\n"), stderr);
    return EXIT_USAGE;
  }
  if (argc > 1 && !ctx->single_thread && only_files(argc, argv)) r.ahead = jx_readahead_new(false);
  for (int i = 0; r.ahead && i < argc; i++)
    jx_readahead_queue(r.ahead, argv[i], (int)ctx->sources.len + i);
  for (int i = 0; i < argc; i++) {
    const char *why = NULL;
    jx_readahead_file *rf = r.ahead ? taken(&r, (size_t)i) : NULL;
    if (rf) {
      jx_readahead_adopt(ctx, rf, false);
      handle(&r, rf->file);
      jx_readahead_release(r.ahead, rf);
      continue;
    }
    if (!strcmp(argv[i], "-")) {
      if (cli->write) {
        fputs(_("jxc: format -w cannot rewrite standard input; leave out -w to print "
              "it formatted.\n"), stderr);
        r.status = EXIT_USAGE;
        continue;
      }
      int id = load_stdin(ctx);
      if (id < 0) {
        r.status = EXIT_USAGE;
        continue;
      }
      handle_file(&r, id);
      continue;
    }
    struct stat st;
    if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      /* A folder: its document's files, each formatted on its own. */
      if (!jx_document_stream(ctx, argv[i], handle_streamed, &r, &why)) {
        fprintf(stderr, _("jxc: %s.\n"), why);
        r.status = EXIT_USAGE;
      }
      continue;
    }
    int id = jx_source_load(ctx, argv[i], &why);
    if (id < 0) {
      fprintf(stderr, _("jxc: %s.\n"), why);
      r.status = EXIT_USAGE;
      continue;
    }
    handle_file(&r, id);
  }
  jx_readahead_finish(r.ahead, NULL);
  jx_arena_free(r.tree);
  if (cli->textconv) {
    /* git stops the whole diff on a failing textconv: the file was shown,
     * as it is when it cannot be read; say why on stderr and succeed. */
    if (ctx->nerrors)
      fprintf(stderr, _("jxc: %s has syntax errors; it is shown as it is, not formatted.\n"),
              ctx->sources.len ? jx_ctx_source(ctx, (int)ctx->sources.len - 1)->path
                               : argv[0]);
    jx_ctx_free(ctx);
    return r.status == EXIT_USAGE ? EXIT_USAGE : EXIT_CLEAN;
  }
  if (r.unformatted && (cli->check_only || cli->show_diff))
    fprintf(stderr, P_("jxc: %d file is not in the canonical layout; jxc format -w "
                       "rewrites it (a file with syntax errors must be corrected first).\n",
                       "jxc: %d files are not in the canonical layout; jxc format -w "
                       "rewrites them (a file with syntax errors must be corrected first).\n",
                       r.unformatted),
            r.unformatted);
  if (r.status == EXIT_CLEAN && r.unformatted) r.status = EXIT_INPUT;
  return jx_cli_finish(ctx, cli, r.status);
}
