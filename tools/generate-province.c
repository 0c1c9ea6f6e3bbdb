/* generate-province: writes a deterministic, province-scale jixiao document
 * for the benchmark (make bench) and for scale tests: a main.jx with the
 * header and part one, and one file per budget unit, using every construct
 * of the language (doc/language.md). It checks without errors or warnings:
 * the rows that would draw a warning (空白, placeholders, numbers without a
 * unit) carry an allowance (允许) saying why.
 *
 *   generate-province [-u UNITS] [-p PROJECTS] [-s SEED] FOLDER
 *
 * Defaults: 2000 budget units of 50 projects (100,000 projects, about
 * 700,000 indicator rows, about 100 MB). The same arguments always give the
 * same bytes. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t state;

/* xorshift64*: small, fast, and the same on every machine. */
static uint64_t next(void) {
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return state * 2685821657736338717ULL;
}

static unsigned pick(unsigned n) { return (unsigned)(next() % n); }

static const char *const subjects[] = {
    "法律援助", "人民调解", "社区矫正", "普法宣传", "公共法律服务", "校舍维修",
    "教师培训", "基层医疗", "疾病预防", "文化下乡", "环境卫生", "道路养护",
    "安防设施", "信息化建设", "执法装备", "档案管理", "应急保障", "农村供水"};
static const char *const kinds[] = {"经费", "补助", "项目", "专项资金", "运行维护费"};
static const char *const counts[][2] = {{"次", "开展活动次数"}, {"人", "受益人数"},
                                        {"人次", "培训人次"},   {"件", "办理案件数量"},
                                        {"个", "购置设备数量"}, {"平方米", "维修面积"}};

typedef struct out {
  FILE *f;
  const char *path;
} out;

static void fail(const char *what, const char *path) {
  fprintf(stderr, "generate-province: %s %s: %s\n", what, path, strerror(errno));
  exit(1);
}

static void project_rows(FILE *f, unsigned p, unsigned budget_wan) {
  const char *const *c = counts[pick(6)];
  fprintf(f, "  产出指标 {\n");
  fprintf(f, "    数量指标 \"指标%u:%s\" ≥ %u %s  描述 \"反映%s情况\"  依据 \"年度工作计划\"\n",
          1u, c[1], 10 + pick(5000), c[0], c[1]);
  fprintf(f, "    质量指标 \"验收合格率\" ≥%u%% 以上  依据 \"行业标准\"\n", 90 + pick(10));
  switch (p % 4) {
    case 0:
      fprintf(f, "    时效指标 \"完成时间\" 截止 2025年12月31日前完成  依据 \"年度工作计划\"\n");
      break;
    case 1:
      fprintf(f, "    时效指标 \"资金到位\" 12月底前 100%% 到位  依据 \"年度工作计划\"\n");
      break;
    case 2:
      fprintf(f, "    时效指标 \"实施周期\" 2025年1月至12月  依据 \"项目实施方案\"\n");
      break;
    default:
      fprintf(f, "    时效指标 \"发放及时性\" 每月 20日前  依据 \"年度工作计划\"\n");
  }
  fprintf(f, "    成本指标 \"项目总成本\" ≤ %u 万元  依据 \"预算批复文件\"\n", budget_wan);
  fprintf(f, "  }\n  效益指标 {\n");
  if (p % 5 == 0)
    fprintf(f, "    经济效益指标 空白  允许 J191 \"原表此栏留空\"\n");
  else if (p % 5 == 1)
    fprintf(f, "    经济效益指标 不涉及\n");
  fprintf(f, "    社会效益指标 \"服务覆盖率\" 较上年提升  依据 \"历史标准\"\n");
  fprintf(f, "    可持续影响指标 \"长效机制\" \"持续发挥作用\"  长期 \"长期有效\"  依据 \"年度工作计划\"\n");
  fprintf(f, "  }\n  满意度指标 {\n");
  fprintf(f, "    服务对象满意度指标 \"受益群众满意度\" ≥ 0.%u 比例  依据 \"问卷调查\"\n",
          90 + pick(9));
  fprintf(f, "  }\n");
}

static void project(FILE *f, unsigned unit, unsigned p) {
  unsigned budget = 5 + pick(200);  /* 万元 */
  unsigned fiscal = budget - pick(budget / 4 + 1);
  const char *subject = subjects[pick(sizeof subjects / sizeof subjects[0])];
  const char *kind = kinds[pick(sizeof kinds / sizeof kinds[0])];
  if (p % 3 == 0)
    fprintf(f, "\n项目 \"%s%s（%u-%u）\" {\n", subject, kind, unit, p);
  else
    fprintf(f, "\n# %s\n项目 1308%02u25P%06u%05uX \"%s%s（%u-%u）\" {\n", subject,
            unit % 100, unit, p, subject, kind, unit, p);
  if (p % 4 == 0) fprintf(f, "  资金总额 %u.00 (财政资金 %u.00)\n", budget * 3, budget * 3);
  if (fiscal == budget)
    fprintf(f, "  预算 %u.00 (财政资金 %u.00, 其他资金)\n", budget, budget);
  else if (p % 2)
    fprintf(f, "  预算 %u.00 (财政拨款 %u.00 (一般公共预算 %u.00), 事业收入 %u.00)\n",
            budget, fiscal, fiscal, budget - fiscal);
  else
    fprintf(f, "  预算 %u.00 (财政资金 %u.00, 其他资金 %u.00)\n", budget, fiscal,
            budget - fiscal);
  if (p % 6 == 0) {
    fprintf(f, "  项目类型 延续\n  立项依据 \"《关于加强%s工作的意见》\"\n", subject);
    fprintf(f, "  负责人 \"王%u\" 电话 \"0314-20%05u\"\n", p, unit);
  }
  fprintf(f, "  用途 \"资金用于%s相关支出，保障%s工作正常开展。\"\n", subject, subject);
  fprintf(f, "  支出计划 3月 25%%, 6月 50%%, 9月 75%%, 12月 100%%\n");
  fprintf(f, "  目标 \"\"\"\n    2025年需投入%u万元，做好%s工作，\n    确保年度任务按时完成。\n    \"\"\"\n",
          budget, subject);
  project_rows(f, p, budget);
  fprintf(f, "}\n");
}

static void unit_file(const char *dir, unsigned unit, unsigned projects) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%06u.jx", dir, 100000 + unit);
  FILE *f = fopen(path, "w");
  if (!f) fail("cannot write", path);
  if (unit % 10 == 0)
    fprintf(f, "单位 \"第%u预算单位\"\n", unit);
  else
    fprintf(f, "单位 %06u \"第%u预算单位\"\n", 100000 + unit, unit);
  for (unsigned p = 0; p < projects; p++) {
    if (p == 0) fprintf(f, "\n类别 \"其他运转类\"\n");
    if (p == projects / 2) fprintf(f, "\n类别 \"本级项目\"\n");
    project(f, unit, p);
  }
  if (fclose(f) != 0) fail("cannot write", path);
}

static void main_file(const char *dir, unsigned units) {
  char path[4096];
  snprintf(path, sizeof path, "%s/main.jx", dir);
  FILE *f = fopen(path, "w");
  if (!f) fail("cannot write", path);
  fprintf(f, "# 某省 2025 年部门预算绩效文本（生成的基准文档，非真实数据）\n");
  fprintf(f, "部门 \"某省某厅\"\n区划 130000\n年度 2025\n金额单位 万元\n");
  fprintf(f, "编制 \"某省某厅\"\n审核 \"某省财政厅\"\n");
  fprintf(f, "资金来源 专项转移支付 财政\n\n");
  fprintf(f, "总体目标 \"2025年，全面完成各项工作任务，提升公共服务水平。\"\n");
  for (unsigned i = 1; i <= 3; i++)
    fprintf(f, "分项目标 \"分项目标%u\" {\n  目标 \"完成第%u项重点工作。\"\n  指标 \"完成率达 100%%。\"\n}\n",
            i, i);
  fprintf(f, "保障措施 \"完善制度建设\" \"健全预算绩效管理制度。\"\n\n");
  for (unsigned u = 0; u < units; u++) fprintf(f, "导入 \"%06u.jx\"\n", 100000 + u);
  if (fclose(f) != 0) fail("cannot write", path);
}

int main(int argc, char **argv) {
  unsigned units = 2000, projects = 50;
  unsigned long seed = 20251130;
  int c;
  while ((c = getopt(argc, argv, "u:p:s:")) != -1) {
    switch (c) {
      case 'u': units = (unsigned)strtoul(optarg, NULL, 10); break;
      case 'p': projects = (unsigned)strtoul(optarg, NULL, 10); break;
      case 's': seed = strtoul(optarg, NULL, 10); break;
      default:
        fputs("usage: generate-province [-u UNITS] [-p PROJECTS] [-s SEED] FOLDER\n", stderr);
        return 2;
    }
  }
  if (optind + 1 != argc || !units || !projects) {
    fputs("usage: generate-province [-u UNITS] [-p PROJECTS] [-s SEED] FOLDER\n", stderr);
    return 2;
  }
  const char *dir = argv[optind];
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) fail("cannot create", dir);
  state = seed ? seed : 1;
  main_file(dir, units);
  for (unsigned u = 0; u < units; u++) unit_file(dir, u, projects);
  return 0;
}
