/* The exchange XML: for every example and test input that parses,
 *   source -> XML1 (valid against schema/jixiao-1.xsd) -> import -> source2
 *   -> XML2 (valid) gives XML2 == XML1 byte for byte, and importing either
 *   gives the same tree (location-free dump);
 * building twice gives identical bytes (no timestamps). The checker is not
 * run here, so inputs with checker errors round-trip too. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "ctx.h"
#include "diag.h"
#include "document.h"
#include "dump.h"
#include "format.h"
#include "parse.h"
#include "xml_read.h"
#include "xml_write.h"

static const char *xsd;

static char *build(jx_ctx *ctx, const jx_document *doc, size_t *len, const char *what) {
  xmlDocPtr xml = jx_xml_build(ctx, doc);
  if (!xml) {
    fprintf(stderr, "%s: cannot build XML\n", what);
    check_failures++;
    return NULL;
  }
  const char *why = NULL;
  if (!jx_xml_validate(ctx, xml, xsd, &why)) {
    fprintf(stderr, "%s: XML does not validate:\n%s\n", what, why);
    check_failures++;
  }
  char *text = jx_xml_serialize(xml, len);
  xmlFreeDoc(xml);
  return text;
}

/* XML text -> imported file (through a temporary file, as jxc import reads). */
static jx_file *import(jx_ctx *ctx, const char *xml, size_t len, const char *what) {
  char path[] = "/tmp/jx-test-xml-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, xml, len) != (ssize_t)len) abort();
  close(fd);
  const char *why = NULL;
  jx_file *f = jx_xml_import(ctx, path, xsd, &why);
  unlink(path);
  if (!f) {
    fprintf(stderr, "%s: import failed%s%s\n", what, why ? ": " : "", why ? why : "");
    jx_diags_print(ctx, stderr);
    check_failures++;
  }
  return f;
}

static void roundtrip(const char *path) {
  jx_ctx *ctx = jx_ctx_new();
  const char *why = NULL;
  jx_document *doc = jx_document_load(ctx, path, &why);
  if (!doc || ctx->nerrors) {
    fprintf(stderr, "%s: does not parse\n", path);
    check_failures++;
    jx_ctx_free(ctx);
    return;
  }
  size_t len1, len1b, len2;
  char *xml1 = build(ctx, doc, &len1, path);
  char *xml1b = build(ctx, doc, &len1b, path);
  if (xml1 && xml1b && (len1 != len1b || memcmp(xml1, xml1b, len1))) {
    fprintf(stderr, "%s: two builds differ\n", path);
    check_failures++;
  }
  jx_file *imported = xml1 ? import(ctx, xml1, len1, path) : NULL;
  if (imported) {
    char *src2 = NULL;
    size_t src2_len = 0;
    FILE *out = open_memstream(&src2, &src2_len);
    CHECK(jx_format_file(ctx, imported, out));
    fclose(out);
    int before = ctx->nerrors;
    jx_file *reparsed = jx_parse(ctx, jx_source_add(ctx, "imported.jx", src2, src2_len));
    CHECK_INT(ctx->nerrors, before);
    jx_document doc2 = {0};
    jx_list_push(ctx->arena, &doc2.files, reparsed);
    jx_list_push(ctx->arena, &doc2.roots, reparsed);
    char *xml2 = build(ctx, &doc2, &len2, path);
    if (xml2 && (len1 != len2 || memcmp(xml1, xml2, len1))) {
      fprintf(stderr, "%s: XML changes on the way through import\n", path);
      check_failures++;
    }
    jx_file *imported2 = xml2 ? import(ctx, xml2, len2, path) : NULL;
    if (imported2) {
      char *a = jx_dump_file_text(ctx, imported, false), *b = jx_dump_file_text(ctx, imported2, false);
      if (strcmp(a, b)) {
        fprintf(stderr, "%s: the imported trees differ\n", path);
        check_failures++;
      }
      free(a);
      free(b);
    }
    free(xml2);
    free(src2);
  }
  free(xml1);
  free(xml1b);
  jx_ctx_free(ctx);
}


/* Checker goldens written for issue 8's constructs (documents without
 * codes, 资金总额, 类别 sections, deadlines with a quantity, allowances …),
 * which the exchange format on main does not carry yet: the exchange
 * format's branch of issue 8 (i8-xml) makes them travel. Remove this list
 * when it is merged, so that they round-trip like every other golden. */
static const char *const issue8_pending[] = {
    "J101-empty-cells-pass.jx", "J109-pass.jx",
    "J114-pass.jx", "J134-pass.jx", "J156-pass.jx", "J163-pass-no-codes.jx",
    "J190-pass.jx", "J191-pass.jx", "J192-pass.jx", "J193-pass.jx",
    "allow-pass.jx", "deadline-quantity-pass.jx", "flat-table-pass.jx",
    "framework-local-pass.jx",
};

static void roundtrip_check_golden(const char *path) {
  const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  for (size_t i = 0; i < sizeof issue8_pending / sizeof issue8_pending[0]; i++)
    if (!strcmp(name, issue8_pending[i])) return;
  roundtrip(path);
}

int main(void) {
  const char *schema = getenv("JIXIAO_SCHEMA");
  char buf[4096];
  snprintf(buf, sizeof buf, "%s/jixiao-1.xsd", schema ? schema : "schema");
  xsd = buf;
  const char *examples = getenv("EXAMPLES"), *tests = getenv("TESTS_SRCDIR");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/chengde-justice-2025", examples ? examples : "examples");
  roundtrip(dir);
  snprintf(dir, sizeof dir, "%s/golden-dump", tests ? tests : "tests");
  CHECK_INT(each_jx_file(dir, "all-forms", roundtrip), 1);
  snprintf(dir, sizeof dir, "%s/parse", tests ? tests : "tests");
  CHECK(each_jx_file(dir, "-valid-", roundtrip) >= 10);
  snprintf(dir, sizeof dir, "%s/check", tests ? tests : "tests");
  CHECK(each_jx_file(dir, "-pass", roundtrip_check_golden) >= 40);
  return CHECK_DONE();
}
