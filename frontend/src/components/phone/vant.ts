// The Vant components of the phone areas, imported one by one with their own styles,
// so that a phone never loads a whole UI kit (and never Element Plus).
import 'vant/es/style/base.css'
import 'vant/es/button/style/index'
import 'vant/es/cell/style/index'
import 'vant/es/cell-group/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/field/style/index'
import 'vant/es/list/style/index'
import 'vant/es/loading/style/index'
import 'vant/es/popup/style/index'
import 'vant/es/search/style/index'
import 'vant/es/tag/style/index'

export {
  Button as VanButton,
  Cell as VanCell,
  CellGroup as VanCellGroup,
  Empty as VanEmpty,
  Field as VanField,
  List as VanList,
  Loading as VanLoading,
  Popup as VanPopup,
  Search as VanSearch,
  Tag as VanTag,
} from 'vant'
