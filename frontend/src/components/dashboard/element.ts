// Element Plus parts the dashboards need beyond components/desk/element.ts, imported one by
// one with their styles (desk pages only).
import 'element-plus/es/components/date-picker/style/css.mjs'
import 'element-plus/es/components/radio-button/style/css.mjs'
import 'element-plus/es/components/radio-group/style/css.mjs'

export { ElDatePicker, ElRadioButton, ElRadioGroup } from 'element-plus'
