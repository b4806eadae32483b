/* Calls one function compiled twice by nas-compile: as `nchw` with the
 * default boundary layout and as `nhwc` with --boundary-layout=nhwc. The
 * inputs of both hold the same N x C x H x W values. Each input whose
 * layout in the nhwc header is NAS_LAYOUT_NHWC is copied to N x H x W x C
 * order, with the sizes read from the header, and each such output is
 * copied back before the outputs are compared. */

#include "nchw.h"
#include "nhwc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *layoutName(nas_layout layout) {
  switch (layout) {
  case NAS_LAYOUT_ROW_MAJOR:
    return "row-major";
  case NAS_LAYOUT_OIHW:
    return "OIHW";
  case NAS_LAYOUT_NCHW:
    return "NCHW";
  case NAS_LAYOUT_NHWC:
    return "NHWC";
  }
  return "unknown";
}

static void printInfo(const char *kind, int index,
                      const nas_tensor_info *info) {
  int d;
  printf("%s %d: %s [", kind, index, layoutName(info->layout));
  for (d = 0; d < info->rank; ++d)
    printf("%s%lld", d ? ", " : "", (long long)info->shape[d]);
  printf("]\n");
}

/* Copies between the N x C x H x W order and the N x H x W x C order of a
 * tensor whose memory-order sizes `nhwcShape` are N, H, W, C. */
static void convertLayout(const float *from, float *to,
                          const int64_t *nhwcShape, int toChannelsLast) {
  int64_t n = nhwcShape[0], h = nhwcShape[1], w = nhwcShape[2];
  int64_t c = nhwcShape[3];
  int64_t in, ic, ih, iw;
  for (in = 0; in < n; ++in)
    for (ic = 0; ic < c; ++ic)
      for (ih = 0; ih < h; ++ih)
        for (iw = 0; iw < w; ++iw) {
          int64_t channelsFirst = ((in * c + ic) * h + ih) * w + iw;
          int64_t channelsLast = ((in * h + ih) * w + iw) * c + ic;
          if (toChannelsLast)
            to[channelsLast] = from[channelsFirst];
          else
            to[channelsFirst] = from[channelsLast];
        }
}

int main(void) {
  float *logical[NCHW_NUM_INPUTS];
  float *nhwcInputs[NHWC_NUM_INPUTS];
  float *nchwOutputs[NCHW_NUM_OUTPUTS];
  float *nhwcOutputs[NHWC_NUM_OUTPUTS];
  const void *nchwInputPointers[NCHW_NUM_INPUTS];
  const void *nhwcInputPointers[NHWC_NUM_INPUTS];
  int i;
  int64_t j;
  int status;

  for (i = 0; i < NHWC_NUM_INPUTS; ++i)
    printInfo("nhwc input", i, &nhwc_inputs[i]);
  for (i = 0; i < NHWC_NUM_OUTPUTS; ++i)
    printInfo("nhwc output", i, &nhwc_outputs[i]);
  for (i = 0; i < NCHW_NUM_INPUTS; ++i)
    printInfo("nchw input", i, &nchw_inputs[i]);
  for (i = 0; i < NCHW_NUM_OUTPUTS; ++i)
    printInfo("nchw output", i, &nchw_outputs[i]);

  /* Values in [-0.5, 0.5) that differ between neighbouring elements. */
  for (i = 0; i < NCHW_NUM_INPUTS; ++i) {
    int64_t count = nchw_inputs[i].num_elements;
    logical[i] = malloc(count * sizeof(float));
    nhwcInputs[i] = malloc(count * sizeof(float));
    for (j = 0; j < count; ++j)
      logical[i][j] = (float)((j * 37 + i * 11) % 101) / 101.0f - 0.5f;
    if (nhwc_inputs[i].layout == NAS_LAYOUT_NHWC)
      convertLayout(logical[i], nhwcInputs[i], nhwc_inputs[i].shape, 1);
    else
      memcpy(nhwcInputs[i], logical[i], count * sizeof(float));
    nchwInputPointers[i] = logical[i];
    nhwcInputPointers[i] = nhwcInputs[i];
  }
  for (i = 0; i < NCHW_NUM_OUTPUTS; ++i) {
    nchwOutputs[i] = malloc(nchw_outputs[i].num_elements * sizeof(float));
    nhwcOutputs[i] = malloc(nhwc_outputs[i].num_elements * sizeof(float));
  }

  status = nchw(nchwInputPointers, (void *const *)nchwOutputs);
  printf("nchw status: %d\n", status);
  status = nhwc(nhwcInputPointers, (void *const *)nhwcOutputs);
  printf("nhwc status: %d\n", status);

  for (i = 0; i < NCHW_NUM_OUTPUTS; ++i) {
    int64_t count = nchw_outputs[i].num_elements;
    float *channelsFirst = malloc(count * sizeof(float));
    double maxDifference = 0.0, maxValue = 0.0;
    if (nhwc_outputs[i].layout == NAS_LAYOUT_NHWC)
      convertLayout(nhwcOutputs[i], channelsFirst, nhwc_outputs[i].shape, 0);
    else
      memcpy(channelsFirst, nhwcOutputs[i], count * sizeof(float));
    for (j = 0; j < count; ++j) {
      double difference = fabs((double)channelsFirst[j] - nchwOutputs[i][j]);
      maxDifference = difference > maxDifference ? difference : maxDifference;
      maxValue = fabs(nchwOutputs[i][j]) > maxValue ? fabs(nchwOutputs[i][j])
                                                     : maxValue;
    }
    printf("output %d: %lld values, max |value| %s 0, max difference %g\n", i,
           (long long)count, maxValue > 0.0 ? ">" : "=", maxDifference);
    free(channelsFirst);
  }
  for (i = 0; i < NCHW_NUM_INPUTS; ++i) {
    free(logical[i]);
    free(nhwcInputs[i]);
  }
  for (i = 0; i < NCHW_NUM_OUTPUTS; ++i) {
    free(nchwOutputs[i]);
    free(nhwcOutputs[i]);
  }
  return 0;
}
