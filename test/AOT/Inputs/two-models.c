/* Calls two functions compiled by nas-compile into one C program: the
 * conv-relu-fc function as `first` and odd-names.mlir as `second`. Both
 * headers define the shared nas_tensor_info type. */

#include "first.h"
#include "second.h"

#include <stdio.h>

int main(void) {
  static float input[FIRST_INPUT_0_NUM_ELEMENTS];
  static float convWeight[FIRST_INPUT_1_NUM_ELEMENTS];
  static float convBias[FIRST_INPUT_2_NUM_ELEMENTS];
  static float fcWeight[FIRST_INPUT_3_NUM_ELEMENTS];
  static float fcBias[FIRST_INPUT_4_NUM_ELEMENTS];
  static float logits[FIRST_OUTPUT_0_NUM_ELEMENTS];
  const void *firstInputs[FIRST_NUM_INPUTS] = {input, convWeight, convBias,
                                               fcWeight, fcBias};
  void *firstOutputs[FIRST_NUM_OUTPUTS] = {logits};
  float x[3] = {1.0f, 2.0f, 3.0f};
  float y[3] = {0.5f, -4.0f, 10.0f};
  float sum[3] = {0.0f, 0.0f, 0.0f};
  const void *secondInputs[SECOND_NUM_INPUTS] = {x, y};
  void *secondOutputs[SECOND_NUM_OUTPUTS] = {sum};
  int i;

  /* All-zero inputs except the fully connected bias: each logit is its
   * bias, since relu(0) is 0. */
  for (i = 0; i < FIRST_INPUT_4_NUM_ELEMENTS; ++i)
    fcBias[i] = 0.25f * (float)i;
  printf("first status: %d\n", first(firstInputs, firstOutputs));
  printf("logits:");
  for (i = 0; i < FIRST_OUTPUT_0_NUM_ELEMENTS; ++i)
    printf(" %g", logits[i]);
  printf("\n");

  printf("second status: %d\n", second(secondInputs, secondOutputs));
  printf("sum: %g %g %g\n", sum[0], sum[1], sum[2]);

  /* The output may be an input buffer: x becomes x + y. */
  secondOutputs[0] = x;
  printf("second status: %d\n", second(secondInputs, secondOutputs));
  printf("x: %g %g %g\n", x[0], x[1], x[2]);
  for (i = 0; i < SECOND_NUM_INPUTS; ++i)
    printf("second input %d: %s, rank %d, %lld elements\n", i,
           second_inputs[i].name, second_inputs[i].rank,
           (long long)second_inputs[i].num_elements);
  printf("first output: %s [%lld, %lld]\n", first_outputs[0].name,
         (long long)first_outputs[0].shape[0],
         (long long)first_outputs[0].shape[1]);
  return 0;
}
