#!/bin/bash
# The catalog search filters as you type, by Chinese name or by code, and
# the chosen item lands on the form.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

clerk_session
keys F4
wait_for "登记新咨询"
keys F3
wait_for "选择事项" && wait_for "建筑工程施工许可证核发"
tap $? "F3 opens the catalog search with every item"
screen_has "个体工商户设立登记" && screen_has "食品经营许可"
tap $? "several items of several departments are listed"
type_text "食品"
wait_gone "建筑工程施工许可证核发"
tap $? "typing 食品 removes the items that do not match"
screen_has "食品经营许可" && screen_lacks "个体工商户设立登记" &&
	screen_lacks "药品零售企业许可" && screen_has "找到 1 项"
tap $? "only 食品经营许可 is left"
keys C-u
type_text "000142"
wait_for "建筑工程施工许可证核发"
screen_lacks "食品经营许可" && screen_has "找到 1 项"
tap $? "a code prefix filters too"
keys C-u
type_text "不存在的事项"
wait_for "没有找到匹配的事项"
tap $? "no match says so"
keys C-u
type_text "食品"
wait_gone "建筑工程施工许可证核发"
keys Enter
wait_for "登记新咨询" && wait_for "000131104000 食品经营许可"
tap $? "Enter puts the chosen item on the form"
screen_has "在此按 Enter 或 F2 提交"
tap $? "the cursor moves on to the topic"
type_text "咨询食品经营许可所需材料"
keys Home
for i in 1 2 3 4 5 6; do keys BTab; done
type_text "李四"
keys F2
wait_for "已登记咨询 SW-"
tap $? "the inquiry with its item is registered"
quit_clean
tap $? "F10 quits cleanly (exit status 0)"
tap_done
