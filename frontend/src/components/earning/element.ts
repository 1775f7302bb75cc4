// Element Plus parts the earning pages need beyond components/desk/element.ts, imported one
// by one with their styles (desk pages only).
import 'element-plus/es/components/checkbox/style/css.mjs'
import 'element-plus/es/components/option-group/style/css.mjs'
import 'element-plus/es/components/message-box/style/css.mjs'
import 'element-plus/es/components/progress/style/css.mjs'

export { ElCheckbox, ElMessageBox, ElOptionGroup, ElProgress } from 'element-plus'
