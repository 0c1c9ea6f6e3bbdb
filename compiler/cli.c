#include <config.h>

#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "relocate.h"

/* --- the language of the messages ------------------------------------------ */

/* The first of LC_ALL, LC_MESSAGES and LANG that is set: the locale POSIX
 * says the messages are in. */
static const char *messages_locale(void) {
  static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
    const char *v = getenv(vars[i]);
    if (v && *v) return v;
  }
  return NULL;
}

void jx_cli_init_locale(void) {
#if defined ENABLE_NLS && ENABLE_NLS
  if (!setlocale(LC_ALL, "")) {
    /* The locale asked for is not installed (a fresh Debian has only C and
     * C.UTF-8 until locale-gen). Then glibc would stay in "C" and ignore
     * LANGUAGE, and a clerk with LANG=zh_CN.UTF-8 would get English. Take
     * C.UTF-8 instead, the messages' locale itself when that one exists,
     * and else name the language in LANGUAGE, which glibc honours in every
     * locale but C and POSIX. */
    setlocale(LC_ALL, "C.UTF-8");
    if (!setlocale(LC_MESSAGES, "")) {
      const char *lang = messages_locale(), *language = getenv("LANGUAGE");
      if (lang && strcmp(lang, "C") && strcmp(lang, "POSIX") && strncmp(lang, "C.", 2) &&
          (!language || !*language))
        setenv("LANGUAGE", lang, 1);
    }
  }
  /* Numbers are read and written the same in every language. */
  setlocale(LC_NUMERIC, "C");
  const char *dir = getenv("JIXIAO_LOCALEDIR");
  static char moved[4096];
  char mo[sizeof moved + 64];
  if (!dir || !*dir) {
    if (jx_relocate(LOCALEDIR, moved, sizeof moved) &&
        snprintf(mo, sizeof mo, "%s/zh_CN/LC_MESSAGES/" JX_TEXTDOMAIN ".mo", moved) > 0 &&
        access(mo, R_OK) == 0)
      /* Installed, jxc reads the catalogues installed beside it, wherever
       * the installation has been moved (relocate.h). */
      dir = moved;
    else
      /* Uninstalled, jxc reads the catalogues `make` put in the build tree. */
      dir = access(LOCALEDIR "/zh_CN/LC_MESSAGES/" JX_TEXTDOMAIN ".mo", R_OK) == 0 ||
                    access(JX_LOCALEDIR_BUILD, R_OK) != 0
                ? LOCALEDIR
                : JX_LOCALEDIR_BUILD;
  }
  bindtextdomain(JX_TEXTDOMAIN, dir);
  bind_textdomain_codeset(JX_TEXTDOMAIN, "UTF-8");
#endif
}

int jx_cli_usage_error(const char *fmt, const char *arg) {
  /* TRANSLATORS: the prefix of jxc's usage errors, as in "jxc: no FILE given." */
  fputs(_("jxc: "), stderr);
  fprintf(stderr, _(fmt), arg);
  fputc('\n', stderr);
  fputs(_("Try 'jxc --help' for more information.\n"), stderr);
  return EXIT_USAGE;
}

jx_ctx *jx_cli_ctx(const jx_cli *cli) {
  jx_ctx *ctx = jx_ctx_new();
  if (!ctx) {
    fputs(_("jxc: out of memory.\n"), stderr);
    return NULL;
  }
  for (size_t i = 0; i < cli->import_dirs.len; i++)
    jx_list_push(ctx->arena, &ctx->import_dirs,
                 jx_arena_strdup(ctx->arena, cli->import_dirs.items[i]));
  ctx->color = jx_cli_use_color(cli, STDERR_FILENO);
  return ctx;
}

bool jx_cli_use_color(const jx_cli *cli, int fd) {
  if (cli->color >= 0) return cli->color == 1;
  const char *no = getenv("NO_COLOR");
  const char *term = getenv("TERM");
  return isatty(fd) && !(no && *no) && !(term && !strcmp(term, "dumb"));
}

bool jx_cli_load_library(jx_ctx *ctx, jx_library *lib) {
  const char *dir = jx_stdlib_dir(ctx);
  const char *why = NULL;
  if (!dir || !jx_library_load(ctx, dir, lib, &why)) {
    fprintf(stderr, _("jxc: cannot load the standard library: %s.\n"),
            dir ? why : _("no folder with units.jx found (set JIXIAO_STDLIB)"));
    return false;
  }
  if (ctx->nerrors) {
    fputs(_("jxc: the standard library has errors:\n"), stderr);
    jx_diags_print(ctx, stderr);
    return false;
  }
  return true;
}

void jx_cli_print_diags(jx_ctx *ctx, const jx_cli *cli) {
  jx_sources_restore(ctx);
  jx_diags_print_some(ctx, stderr, cli->max_errors);
  if (!ctx->nerrors && !ctx->nwarnings) return;
  /* TRANSLATORS: the summary line, "2 errors, 1 warning."; %s is the
     count of warnings, translated below. */
  fprintf(stderr, P_("%d error, %s.\n", "%d errors, %s.\n", ctx->nerrors), ctx->nerrors,
          jx_arena_printf(ctx->arena, P_("%d warning", "%d warnings", ctx->nwarnings),
                          ctx->nwarnings));
}

int jx_cli_finish(jx_ctx *ctx, const jx_cli *cli, int status) {
  jx_cli_print_diags(ctx, cli);
  if (status == EXIT_CLEAN && ctx->nerrors) status = EXIT_INPUT;
  jx_ctx_free(ctx);
  return status;
}

/* --- output and signals ------------------------------------------------- */

/* The temporary output file that exists right now, for the signal handler;
 * set only while a write is under way. */
static const char *volatile pending_tmp;

static void remove_pending(int sig) {
  const char *tmp = pending_tmp;
  if (tmp) unlink(tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

void jx_cli_install_signal_handlers(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_pending;
    sigemptyset(&sa.sa_mask);
    sigaction(sigs[i], &sa, NULL);
  }
}

bool jx_cli_open(jx_ctx *ctx, jx_output *o, const char *path, const char **why) {
  if (!jx_output_open(ctx, o, path, why)) return false;
  pending_tmp = o->tmp;
  return true;
}

static bool opened(jx_ctx *ctx, jx_output *o, const char *path) {
  const char *why = NULL;
  if (!jx_cli_open(ctx, o, path, &why)) {
    fprintf(stderr, "jxc: %s.\n", why);
    return false;
  }
  return true;
}

static bool committed(jx_output *o, bool ok, const char *why) {
  if (ok && !jx_output_commit(o, &why)) ok = false;
  if (!ok) {
    jx_output_abort(o);
    fprintf(stderr, "jxc: %s.\n", why);
  }
  pending_tmp = NULL;
  return ok;
}

bool jx_cli_commit(jx_output *o, bool ok, const char *why) { return committed(o, ok, why); }

void jx_cli_discard(jx_output *o) {
  jx_output_abort(o);
  pending_tmp = NULL;
}

bool jx_cli_write(jx_ctx *ctx, const char *path, const char *data, size_t len) {
  jx_output o;
  if (!opened(ctx, &o, path)) return false;
  const char *why = NULL;
  bool ok = jx_output_write(&o, data, len, &why);
  return committed(&o, ok, why);
}

bool jx_cli_write_with(jx_ctx *ctx, const char *path,
                       bool (*write)(const char *tmp, void *data, const char **why),
                       void *data) {
  jx_output o;
  if (!opened(ctx, &o, path)) return false;
  if (!o.tmp) {
    jx_output_abort(&o);
    pending_tmp = NULL;
    fprintf(stderr, _("jxc: cannot write %s: this format is written as a file; "
                      "name a file with -o.\n"), path);
    return false;
  }
  jx_output_release_fd(&o);
  const char *why = NULL;
  bool ok = write(o.tmp, data, &why);
  return committed(&o, ok, why);
}

int jx_cli_close_stdout(int status) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, _("jxc: cannot write to standard output: %s.\n"), strerror(errno));
    return EXIT_USAGE;
  }
  return status;
}

/* --- the terminal ---------------------------------------------------------- */

int jx_cli_terminal_ambiguous_width(int fd) {
  const char *term = getenv("TERM");
  /* The answer comes on the terminal's input: /dev/tty, when fd writes to
   * it (tcgetsid fails for a terminal that is not the process's own). */
  if (!isatty(fd) || (term && !strcmp(term, "dumb")) || tcgetsid(fd) < 0) return 0;
  int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0) return 0;
  struct termios saved, raw;
  if (tcgetattr(tty, &saved) != 0) {
    close(tty);
    return 0;
  }
  raw = saved;
  raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  tcsetattr(tty, TCSANOW, &raw);
  /* At the start of the line, "≥", then: where is the cursor? */
  static const char ask[] = "\r\xE2\x89\xA5\033[6n";
  char answer[32];
  size_t n = 0;
  if (write(tty, ask, sizeof ask - 1) == (ssize_t)(sizeof ask - 1)) {
    struct pollfd p = {tty, POLLIN, 0};
    while (n < sizeof answer - 1 && poll(&p, 1, 250) > 0) {
      ssize_t got = read(tty, answer + n, 1);
      if (got <= 0) break;
      if (answer[n++] == 'R') break;
    }
  }
  answer[n] = '\0';
  /* Erase the probe, give the terminal its settings back. */
  if (write(tty, "\r\033[K", 4) != 4) n = 0;
  tcsetattr(tty, TCSANOW, &saved);
  close(tty);
  const char *esc = strrchr(answer, '\033');
  int row, col;
  if (!esc || sscanf(esc, "\033[%d;%dR", &row, &col) != 2) return 0;
  return col == 2 ? 1 : col == 3 ? 2 : 0;
}
