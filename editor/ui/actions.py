"""The window's actions, menus and toolbar.

Tree keys (Enter, Delete, Tab, Ctrl+C …) are bound with ``Qt.WidgetShortcut`` to the tree
widget alone: in the detail pane and in the tree's inline editor the same keys keep their usual
meaning (a new line, a deleted character, committing the rename). Undo and redo come from a
QUndoGroup, so their menu texts name the command they undo (「復原 重新命名推動策略」).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar, QToolButton, QWidgetAction

from editor.ui.i18n import translate


class WindowActions:
    """Every QAction of the main window, as attributes; ``window`` provides the slots."""

    def __init__(self, window, undo_group, tree_view):
        self._window = window
        self.export_anchor = QAction(window)  # File ▸ Export and the colleagues' commands go before it
        self.export_anchor.setSeparator(True)
        style = window.style()
        icon = style.standardIcon
        pixmaps = QStyle.StandardPixmap

        def make(text, slot, shortcuts=(), tip="", pixmap=None, tree_only=False):
            action = QAction(text, window)
            if pixmap is not None:
                action.setIcon(icon(pixmap))
            if shortcuts:
                action.setShortcuts([QKeySequence(s) for s in shortcuts])
            if tip:
                action.setStatusTip(tip)
            if slot is not None:
                action.triggered.connect(slot)
            if tree_only:
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                tree_view.addAction(action)
            return action

        w = window
        self.new = make(translate("actions", "新增計畫(&N)"), w.new_plan, [QKeySequence.StandardKey.New], translate("actions", "開一份空白的計畫"), pixmaps.SP_FileIcon)
        self.open = make(translate("actions", "開啟(&O)…"), lambda: w.open_file(), [QKeySequence.StandardKey.Open], translate("actions", "開啟計畫檔"), pixmaps.SP_DialogOpenButton)
        self.import_plan = make(translate("actions", "匯入(&I)…"), lambda: _import_into(w), [], translate("actions", "由 Word 文件、PDF 或文字檔匯入計畫"))
        self.save = make(translate("actions", "儲存(&S)"), w.save, [QKeySequence.StandardKey.Save], translate("actions", "儲存計畫"), pixmaps.SP_DialogSaveButton)
        self.save_as = make(translate("actions", "另存新檔(&A)…"), w.save_as, [QKeySequence.StandardKey.SaveAs], translate("actions", "以新的檔名儲存計畫"))
        self.print_preview = make(translate("actions", "預覽列印(&V)…"), lambda: w.printing.preview(), [], translate("actions", "以正式文件的版面預覽計畫"))
        self.print = make(translate("actions", "列印(&L)…"), lambda: w.printing.print(), [QKeySequence.StandardKey.Print], translate("actions", "以正式文件的版面列印計畫，或存成 PDF"))
        self.plan_properties = make(translate("actions", "計畫屬性(&T)…"), w.edit_plan_properties, [], translate("actions", "計畫名稱、機關、期程與編號格式"))
        self.preferences = make(translate("actions", "偏好設定(&P)…"), w.show_preferences, [], translate("actions", "介面語言"))
        self.close_plan = make(translate("actions", "關閉計畫(&C)"), w.close_plan, ["Ctrl+W"], translate("actions", "關閉這份計畫（先問是否儲存）"))
        self.about = make(translate("actions", "關於(&A)…"), lambda: w.show_help("about"), [], translate("actions", "版本、授權與設定檔的位置"))
        self.shortcuts = make(translate("actions", "快速鍵(&K)…"), lambda: w.show_help("shortcuts"), [], translate("actions", "所有指令的按鍵"))
        self.quit = make(translate("actions", "結束(&X)"), w.close, [QKeySequence.StandardKey.Quit])

        self._undo_group = undo_group
        self.undo = undo_group.createUndoAction(window, translate("actions", "復原"))
        self.undo.setShortcuts([QKeySequence.StandardKey.Undo])
        self.undo.setIcon(icon(pixmaps.SP_ArrowBack))
        self.redo = undo_group.createRedoAction(window, translate("actions", "取消復原"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.setIcon(icon(pixmaps.SP_ArrowForward))

        e = w.tree_editor
        self.rename = make(translate("actions", "重新命名(&R)"), w.rename_current, ["F2"], translate("actions", "在樹狀圖中直接修改標題"), tree_only=True)
        self.add_sibling = make(translate("actions", "新增同層項目"), e.add_sibling, ["Enter", "Return"], translate("actions", "在目前項目之後新增同一層的項目"), pixmaps.SP_FileDialogNewFolder, tree_only=True)
        self.add_child = make(translate("actions", "新增下層項目"), e.add_child, ["Ctrl+Enter", "Ctrl+Return", "Insert"], translate("actions", "在目前項目之下新增項目"), pixmaps.SP_FileDialogDetailedView, tree_only=True)
        self.delete = make(translate("actions", "刪除(&D)"), e.delete, [QKeySequence(Qt.Key.Key_Delete)], translate("actions", "刪除選取的項目"), pixmaps.SP_TrashIcon, tree_only=True)
        self.move_up = make(translate("actions", "上移"), e.move_up, ["Alt+Up"], translate("actions", "與前一個同層項目交換位置"), pixmaps.SP_ArrowUp, tree_only=True)
        self.move_down = make(translate("actions", "下移"), e.move_down, ["Alt+Down"], translate("actions", "與後一個同層項目交換位置"), pixmaps.SP_ArrowDown, tree_only=True)
        self.indent = make(translate("actions", "降階"), e.indent, ["Tab"], translate("actions", "成為前一個項目的下層項目"), tree_only=True)
        self.outdent = make(translate("actions", "升階"), e.outdent, ["Shift+Tab"], translate("actions", "移到上一層"), tree_only=True)
        self.cut = make(translate("actions", "剪下(&T)"), e.cut, [QKeySequence.StandardKey.Cut], translate("actions", "剪下選取的項目"), tree_only=True)
        self.copy = make(translate("actions", "複製(&C)"), e.copy, [QKeySequence.StandardKey.Copy], translate("actions", "複製選取的項目"), tree_only=True)
        self.paste = make(translate("actions", "貼上(&P)"), e.paste, [QKeySequence.StandardKey.Paste], translate("actions", "貼在目前項目之後或之下"), tree_only=True)
        self.find = make(translate("actions", "尋找(&F)…"), w.start_find, [QKeySequence.StandardKey.Find], translate("actions", "篩選出標題或內文含有關鍵字的項目"), pixmaps.SP_FileDialogContentsView)
        # Shift+Tab arrives as Backtab with Shift held; Qt matches it to "Shift+Tab". Binding "Backtab"
        # as well made the two ambiguous and Qt fired neither.
        self.next_pane = make(translate("actions", "下一個窗格"), lambda: w.pane_cycle.step(True), ["F6"], translate("actions", "把游標移到下一個窗格"))
        self.previous_pane = make(translate("actions", "上一個窗格"), lambda: w.pane_cycle.step(False), ["Shift+F6"], translate("actions", "把游標移到上一個窗格"))
        self.find_next = make(translate("actions", "尋找下一個"), lambda: w.find_bar.step(True), [QKeySequence.StandardKey.FindNext], translate("actions", "選取下一個符合的項目"))
        self.find_previous = make(translate("actions", "尋找上一個"), lambda: w.find_bar.step(False), [QKeySequence.StandardKey.FindPrevious], translate("actions", "選取上一個符合的項目"))
        self.replace = make(translate("actions", "取代(&H)…"), w.find_bar.start_replace, ["Ctrl+H"], translate("actions", "在標題與內文中取代文字"))
        # Outline views (editor.ui.tree.outline_views). Ctrl+digit, not Word's Alt+Shift+digit: under X11
        # Shift+1 arrives as "!", and Alt+Shift+1 would never match.
        self.expand_focus_areas = make(translate("actions", "展開至施政重點(&1)"), lambda: w.expand_to_level(1), ["Ctrl+1"], translate("actions", "只顯示各章節與施政重點"))
        self.expand_strategies = make(translate("actions", "展開至推動策略(&2)"), lambda: w.expand_to_level(2), ["Ctrl+2"], translate("actions", "顯示到推動策略為止"))
        self.expand_all = make(translate("actions", "全部展開(&3)"), lambda: w.expand_to_level(3), ["Ctrl+3"], translate("actions", "顯示所有項目，包括具體作法"))
        self.collapse_all = make(translate("actions", "全部摺疊(&0)"), lambda: w.expand_to_level(0), [], translate("actions", "只顯示四個章節"))
        self.kpi_summary = make(translate("actions", "績效指標總表(&K)"), lambda: w.show_summary("kpi"), ["Ctrl+Shift+I"], translate("actions", "全計畫各推動策略的關鍵績效指標與各年目標值（唯讀）"))
        self.budget_summary = make(translate("actions", "經費需求表(&M)"), lambda: w.show_summary("budget"), ["Ctrl+Shift+M"], translate("actions", "各推動策略各年經費（千元）、各施政重點小計與總計（唯讀）"))
        self.focus_branch = make(translate("actions", "只顯示此施政重點(&B)"), w.branch_focus.toggle, ["Ctrl+Shift+B"], translate("actions", "只顯示目前項目所屬的施政重點；再按一次顯示整份計畫"))

    def build_menus(self, window) -> dict[str, QMenu]:
        bar = window.menuBar()
        menus: dict[str, QMenu] = {}
        file_menu = menus["file"] = bar.addMenu(translate("actions", "檔案(&F)"))
        file_menu.addActions([self.new, self.open, self.import_plan])
        menus["recent"] = file_menu.addMenu(translate("actions", "最近開啟的檔案(&R)"))
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.print_preview, self.print])
        file_menu.addAction(self.export_anchor)
        file_menu.addActions([self.plan_properties, self.preferences])
        file_menu.addSeparator()
        file_menu.addActions([self.close_plan, self.quit])

        edit = menus["edit"] = bar.addMenu(translate("actions", "編輯(&E)"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste])
        edit.addSeparator()
        edit.addActions([self.rename, self.add_sibling, self.add_child, self.delete])
        edit.addSeparator()
        edit.addActions([self.move_up, self.move_down, self.indent, self.outdent])
        edit.addSeparator()
        edit.addActions([self.find, self.find_next, self.find_previous, self.replace])

        view = menus["view"] = bar.addMenu(translate("actions", "檢視(&V)"))
        view.addActions([self.expand_focus_areas, self.expand_strategies, self.expand_all, self.collapse_all])
        view.addSeparator()
        view.addAction(self.focus_branch)
        view.addSeparator()
        view.addActions([self.kpi_summary, self.budget_summary])
        view.addSeparator()
        view.addActions([self.next_pane, self.previous_pane])
        view.addSeparator()  # dock toggles are added by MainWindow.add_dock
        return menus

    def build_help_menu(self, window) -> QMenu:
        """Help, the last menu (built after the Revisions menu)."""
        menu = window.menuBar().addMenu(translate("actions", "說明(&H)"))
        menu.addActions([self.shortcuts, self.about])
        return menu

    def all_actions(self) -> list[QAction]:
        """Every command of the window's menus, in menu order (the shortcuts list)."""
        result = []
        for menu_action in self._window.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else []:
                if not action.isSeparator() and action.menu() is None and action not in result:
                    result.append(action)
        return result

    def tree_context_menu(self, window) -> QMenu:
        """What applies to a row of the tree (right click, or the menu key)."""
        menu = QMenu(window)
        menu.setObjectName("treeContextMenu")
        menu.addActions([self.add_sibling, self.add_child, self.rename])
        menu.addSeparator()
        menu.addActions([self.cut, self.copy, self.paste, self.delete])
        menu.addSeparator()
        menu.addActions([self.move_up, self.move_down, self.indent, self.outdent])
        return menu

    def build_toolbar(self, window):
        toolbar = window.addToolBar(translate("actions", "工具列"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addActions([self.new, self.open, self.save])
        toolbar.addSeparator()
        group = self._undo_group
        for action, name, enabled, text in ((self.undo, "undoButton", group.canUndoChanged, group.undoTextChanged),
                                            (self.redo, "redoButton", group.canRedoChanged, group.redoTextChanged)):
            holder = QWidgetAction(toolbar)  # set up once: a change of it would enable the button (QWidgetAction)
            holder.setText(action.text())  # 「復原」: what the toolbar's overflow menu and accessibility name
            button = StackToolButton(action, toolbar, name)
            enabled.connect(button.setEnabled)  # Qt to Qt, as the action itself is connected
            text.connect(button.follow_text)
            holder.setDefaultWidget(button)
            toolbar.addAction(holder)
        toolbar.addSeparator()
        toolbar.addActions([self.add_sibling, self.add_child, self.delete, self.move_up, self.move_down])
        toolbar.addSeparator()
        toolbar.addAction(self.find)
        return toolbar


class StackToolButton(QToolButton):
    """The toolbar's undo or redo button, following its action without relaying the window out.

    The undo and redo actions change on every edit and every undo (their text names the command,
    their enabled state follows the stack). A QToolBar relays itself and the main window out whenever
    one of its own actions changes, so the toolbar holds this button instead of the action; the button
    follows the undo group as the action does (enabled state, and the action's tooltip; neither changes
    its size) and triggers the action."""

    def __init__(self, action: QAction, toolbar: QToolBar, name: str):
        super().__init__(toolbar)
        self._action = action
        self.setObjectName(name)
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as the toolbar's own buttons
        self.setIcon(action.icon())
        self.setIconSize(toolbar.iconSize())
        toolbar.iconSizeChanged.connect(self.setIconSize)
        self.clicked.connect(action.trigger)
        self.setEnabled(action.isEnabled())
        self.follow_text()

    def follow_text(self, _command: str = "") -> None:
        self.setToolTip(self._action.toolTip())  # 「復原 重新命名推動策略」, the action's text already updated


def _import_into(window) -> None:
    from editor.ui.files.import_dialog import import_into_window  # the importer loads on first use

    import_into_window(window)
