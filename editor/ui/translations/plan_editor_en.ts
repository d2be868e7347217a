<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_TW">
<context>
    <name>BudgetTable</name>
    <message>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>預算（千元）</source>
        <translation>Budget (NT$ thousand)</translation>
    </message>
    <message>
        <source>空白時使用標題</source>
        <translation>Empty: the title is used</translation>
    </message>
    <message>
        <source>每行一個機關</source>
        <translation>One agency per line</translation>
    </message>
    <message>
        <source>本次修正的理由</source>
        <translation>Why this item changed in this revision</translation>
    </message>
    <message>
        <source>請在左側選擇一個項目</source>
        <translation>Select an item on the left</translation>
    </message>
    <message>
        <source>%1&#x3000;%2%3</source>
        <translation>%1: %2%3</translation>
    </message>
    <message>
        <source>（計畫還沒有施政目標）</source>
        <translation>(the plan has no goals yet)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>尋找標題或內文（Esc 清除）</source>
        <translation>Find in titles and text (Esc clears)</translation>
    </message>
    <message>
        <source>關閉尋找（Esc）</source>
        <translation>Close find (Esc)</translation>
    </message>
    <message>
        <source>取代為</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>取代</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>全部取代</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <source>沒有符合的項目</source>
        <translation>No matching item</translation>
    </message>
    <message>
        <source>第 %1 項，共 %2 項</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 項符合</source>
        <translation>%1 matching</translation>
    </message>
</context>
<context>
    <name>KpiTable</name>
    <message>
        <source>新增指標</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>刪除指標</source>
        <translation>Remove indicator</translation>
    </message>
    <message>
        <source>指標名稱</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>策略績效目標</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>評估體制</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>衡量標準</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <source>單位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>%1年目標值</source>
        <translation>Target %1</translation>
    </message>
</context>
<context>
    <name>PlanPropertiesDialog</name>
    <message>
        <source>計畫屬性</source>
        <translation>Plan properties</translation>
    </message>
    <message>
        <source>例如：高雄市政府</source>
        <translation>e.g. Kaohsiung City Government</translation>
    </message>
    <message>
        <source>計畫名稱</source>
        <translation>Plan title</translation>
    </message>
    <message>
        <source>機關</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>期程（民國年）</source>
        <translation>Period (ROC years)</translation>
    </message>
    <message>
        <source>推動策略編號</source>
        <translation>Strategy numbers</translation>
    </message>
    <message>
        <source>具體作法編號</source>
        <translation>Action numbers</translation>
    </message>
    <message>
        <source>確定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 %2 …</source>
        <translation>%1 %2 …</translation>
    </message>
    <message>
        <source>請輸入計畫名稱</source>
        <translation>Enter the plan&apos;s title</translation>
    </message>
    <message>
        <source>期程的結束年（%1年）早於開始年（%2年）</source>
        <translation>The period ends (%1) before it starts (%2)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>偏好設定</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>修正對照表的說明欄列出修改者(&amp;U)</source>
        <translation>Name each change&apos;s a&amp;uthor in the amendment table</translation>
    </message>
    <message>
        <source>介面語言會在重新啟動編輯器後生效。</source>
        <translation>The interface language takes effect when the editor is restarted.</translation>
    </message>
    <message>
        <source>介面語言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>修改者名稱</source>
        <translation>Your name (on your edits)</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>新增計畫(&amp;N)</source>
        <translation>&amp;New plan</translation>
    </message>
    <message>
        <source>開一份空白的計畫</source>
        <translation>Start an empty plan</translation>
    </message>
    <message>
        <source>開啟(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>開啟計畫檔</source>
        <translation>Open a plan file</translation>
    </message>
    <message>
        <source>匯入(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>由 Word 文件、PDF 或文字檔匯入計畫</source>
        <translation>Import a plan from a Word document, a PDF or a text file</translation>
    </message>
    <message>
        <source>儲存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>儲存計畫</source>
        <translation>Save the plan</translation>
    </message>
    <message>
        <source>另存新檔(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>以新的檔名儲存計畫</source>
        <translation>Save the plan under a new name</translation>
    </message>
    <message>
        <source>預覽列印(&amp;V)…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <source>以正式文件的版面預覽計畫</source>
        <translation>Preview the plan in the official document&apos;s layout</translation>
    </message>
    <message>
        <source>列印(&amp;L)…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>以正式文件的版面列印計畫，或存成 PDF</source>
        <translation>Print the plan in the official document&apos;s layout, or save it as PDF</translation>
    </message>
    <message>
        <source>計畫名稱、機關、期程與編號格式</source>
        <translation>The plan&apos;s title, organisation, period and numbering style</translation>
    </message>
    <message>
        <source>計畫屬性(&amp;T)…</source>
        <translation>Plan proper&amp;ties…</translation>
    </message>
    <message>
        <source>偏好設定(&amp;P)…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>介面語言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>關閉計畫(&amp;C)</source>
        <translation>&amp;Close plan</translation>
    </message>
    <message>
        <source>關閉這份計畫（先問是否儲存）</source>
        <translation>Close this plan (asking to save it first)</translation>
    </message>
    <message>
        <source>關於(&amp;A)…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <source>版本、授權與設定檔的位置</source>
        <translation>Version, licence and where the settings are</translation>
    </message>
    <message>
        <source>快速鍵(&amp;K)…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>所有指令的按鍵</source>
        <translation>The keys of every command</translation>
    </message>
    <message>
        <source>結束(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>復原</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>取消復原</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>重新命名(&amp;R)</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>在樹狀圖中直接修改標題</source>
        <translation>Edit the title in the tree</translation>
    </message>
    <message>
        <source>新增同層項目</source>
        <translation>Add sibling</translation>
    </message>
    <message>
        <source>在目前項目之後新增同一層的項目</source>
        <translation>Add an item of the same kind after the current one</translation>
    </message>
    <message>
        <source>新增下層項目</source>
        <translation>Add child</translation>
    </message>
    <message>
        <source>在目前項目之下新增項目</source>
        <translation>Add an item under the current one</translation>
    </message>
    <message>
        <source>刪除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>刪除選取的項目</source>
        <translation>Delete the selected items</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>與前一個同層項目交換位置</source>
        <translation>Swap with the previous sibling</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>與後一個同層項目交換位置</source>
        <translation>Swap with the next sibling</translation>
    </message>
    <message>
        <source>降階</source>
        <translation>Indent</translation>
    </message>
    <message>
        <source>成為前一個項目的下層項目</source>
        <translation>Make it a child of the previous item</translation>
    </message>
    <message>
        <source>升階</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <source>移到上一層</source>
        <translation>Move one level up</translation>
    </message>
    <message>
        <source>剪下(&amp;T)</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>剪下選取的項目</source>
        <translation>Cut the selected items</translation>
    </message>
    <message>
        <source>複製(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>複製選取的項目</source>
        <translation>Copy the selected items</translation>
    </message>
    <message>
        <source>貼上(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>貼在目前項目之後或之下</source>
        <translation>Paste after or under the current item</translation>
    </message>
    <message>
        <source>尋找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>篩選出標題或內文含有關鍵字的項目</source>
        <translation>Show only the items whose title or text contains the words</translation>
    </message>
    <message>
        <source>下一個窗格</source>
        <translation>Next pane</translation>
    </message>
    <message>
        <source>把游標移到下一個窗格</source>
        <translation>Move the cursor to the next pane</translation>
    </message>
    <message>
        <source>上一個窗格</source>
        <translation>Previous pane</translation>
    </message>
    <message>
        <source>把游標移到上一個窗格</source>
        <translation>Move the cursor to the previous pane</translation>
    </message>
    <message>
        <source>尋找下一個</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>選取下一個符合的項目</source>
        <translation>Select the next matching item</translation>
    </message>
    <message>
        <source>尋找上一個</source>
        <translation>Find previous</translation>
    </message>
    <message>
        <source>選取上一個符合的項目</source>
        <translation>Select the previous matching item</translation>
    </message>
    <message>
        <source>取代(&amp;H)…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <source>在標題與內文中取代文字</source>
        <translation>Replace text in titles and texts</translation>
    </message>
    <message>
        <source>展開至施政重點(&amp;1)</source>
        <translation>Expand to focus areas (&amp;1)</translation>
    </message>
    <message>
        <source>只顯示各章節與施政重點</source>
        <translation>Show the sections and their focus areas only</translation>
    </message>
    <message>
        <source>展開至推動策略(&amp;2)</source>
        <translation>Expand to strategies (&amp;2)</translation>
    </message>
    <message>
        <source>顯示到推動策略為止</source>
        <translation>Show down to the strategies</translation>
    </message>
    <message>
        <source>全部展開(&amp;3)</source>
        <translation>Expand all (&amp;3)</translation>
    </message>
    <message>
        <source>顯示所有項目，包括具體作法</source>
        <translation>Show every item, actions included</translation>
    </message>
    <message>
        <source>全部摺疊(&amp;0)</source>
        <translation>Collapse all (&amp;0)</translation>
    </message>
    <message>
        <source>只顯示四個章節</source>
        <translation>Show the four sections only</translation>
    </message>
    <message>
        <source>績效指標總表(&amp;K)</source>
        <translation>&amp;KPI Summary</translation>
    </message>
    <message>
        <source>全計畫各推動策略的關鍵績效指標與各年目標值（唯讀）</source>
        <translation>Every strategy&apos;s key performance indicators and yearly targets, plan-wide (read-only)</translation>
    </message>
    <message>
        <source>經費需求表(&amp;M)</source>
        <translation>Budget Require&amp;ments</translation>
    </message>
    <message>
        <source>各推動策略各年經費（千元）、各施政重點小計與總計（唯讀）</source>
        <translation>Each strategy&apos;s yearly budget (NT$ thousand), subtotals per focus area and totals (read-only)</translation>
    </message>
    <message>
        <source>只顯示此施政重點(&amp;B)</source>
        <translation>Show only this focus area (&amp;B)</translation>
    </message>
    <message>
        <source>只顯示目前項目所屬的施政重點；再按一次顯示整份計畫</source>
        <translation>Show only the focus area of the current item; again to show the whole plan</translation>
    </message>
    <message>
        <source>檔案(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>最近開啟的檔案(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>編輯(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>檢視(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>說明(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>工具列</source>
        <translation>Toolbar</translation>
    </message>
</context>
<context>
    <name>amendments</name>
    <message>
        <source>匯出修正對照表</source>
        <translation>Export comparison table</translation>
    </message>
    <message>
        <source>匯出修訂追蹤文件</source>
        <translation>Export with tracked changes</translation>
    </message>
    <message>
        <source>Word 文件 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>無法匯出「%1」</source>
        <translation>Could not export &quot;%1&quot;</translation>
    </message>
    <message>
        <source>已儲存「%1」。</source>
        <translation>Saved &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>開啟</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>關閉</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>amounts</name>
    <message>
        <source>預算不能是負數：「%1」</source>
        <translation>A budget cannot be negative: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>預算最多到小數點後 %1 位（千元的 0.001 是 1 元）：「%2」</source>
        <translation>A budget has at most %1 decimals (0.001 NT$ thousand is NT$ 1): &quot;%2&quot;</translation>
    </message>
    <message>
        <source>預算必須是數字（千元），「%1」不是數字</source>
        <translation>The budget must be a number (NT$ thousand); &quot;%1&quot; is not a number</translation>
    </message>
</context>
<context>
    <name>chart</name>
    <message>
        <source>沒有安裝可顯示繁體中文的字型，所以無法畫出架構圖：請安裝標楷體（DFKai-SB）、AR PL UKai TW（Debian：fonts-arphic-ukai）或 Noto CJK TC（fonts-noto-cjk）。</source>
        <translation>No Traditional Chinese font is installed, so the framework chart cannot be drawn: install 標楷體 (DFKai-SB), AR PL UKai TW (Debian: fonts-arphic-ukai) or Noto CJK TC (fonts-noto-cjk).</translation>
    </message>
    <message>
        <source>正在繪製架構圖…</source>
        <translation>Drawing the framework chart…</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>前往項目(&amp;G)</source>
        <translation>&amp;Go to the item</translation>
    </message>
    <message>
        <source>複製說明(&amp;C)</source>
        <translation>&amp;Copy the message</translation>
    </message>
    <message>
        <source>重新檢核(&amp;R)</source>
        <translation>&amp;Run the checks again</translation>
    </message>
</context>
<context>
    <name>clipboard</name>
    <message>
        <source>不能把%1貼在%2「%3」的位置</source>
        <translation>A pasted %1 cannot go at the %2 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>請先在樹狀圖中選擇要貼上的位置</source>
        <translation>First select in the tree where to paste</translation>
    </message>
    <message>
        <source>剪貼簿中的項目種類不同，請分開貼上</source>
        <translation>The clipboard holds items of different kinds; paste them separately</translation>
    </message>
    <message>
        <source>固定的章節不能貼上</source>
        <translation>The fixed sections cannot be pasted</translation>
    </message>
    <message>
        <source>剪貼簿中有一行文字太長（一段最多 %1 字），所以沒有貼上</source>
        <translation>A line on the clipboard is too long (a text holds at most %1 characters), so nothing was pasted</translation>
    </message>
    <message>
        <source>剪貼簿是空的</source>
        <translation>The clipboard is empty</translation>
    </message>
    <message>
        <source>剪貼簿中的項目不符合計畫檔的規則（例如有一段文字太長），所以沒有貼上</source>
        <translation>The items on the clipboard break the rules of a plan file (a text too long, for example), so nothing was pasted</translation>
    </message>
</context>
<context>
    <name>colleagues</name>
    <message>
        <source>分送局處(&amp;H)…</source>
        <translation>&amp;Hand Out to a Bureau…</translation>
    </message>
    <message>
        <source>把計畫的一部分（一個主辦機關的推動策略或幾項施政重點）存成檔案交給局處</source>
        <translation>Save part of the plan (one lead agency&apos;s strategies, or some focus areas) as a file for a bureau</translation>
    </message>
    <message>
        <source>合併同仁版本(&amp;M)…</source>
        <translation>&amp;Merge a Colleague&apos;s Copy…</translation>
    </message>
    <message>
        <source>把局處交回的部分或同仁修改的計畫檔併入這份計畫</source>
        <translation>Merge a part a bureau returned, or a colleague&apos;s edited plan file, into this plan</translation>
    </message>
    <message>
        <source>「%1」是目前開啟的計畫檔，分送的部分不能存在它上面。</source>
        <translation>&quot;%1&quot; is the plan open now; the part cannot be saved over it.</translation>
    </message>
    <message>
        <source>這份計畫沒有這樣的部分可以分送。</source>
        <translation>This plan has no such part to hand out.</translation>
    </message>
    <message>
        <source>已把%1的推動策略分送到「%2」</source>
        <translation>Handed out the strategies of %1 to &quot;%2&quot;</translation>
    </message>
    <message>
        <source>已把 %1 項施政重點分送到「%2」</source>
        <translation>Handed out %1 focus area(s) to &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>還原的編輯</source>
        <translation>Recovered edit</translation>
    </message>
    <message>
        <source>還原的編輯（%1 項）</source>
        <translation>Recovered edit (%1 changes)</translation>
    </message>
    <message>
        <source>重新命名%1</source>
        <translation>Rename %1</translation>
    </message>
    <message>
        <source>修改%1的%2</source>
        <translation>Edit %1 %2</translation>
    </message>
    <message>
        <source>新增%1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>刪除%1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>刪除 1 個項目</source>
        <translation>Delete 1 item</translation>
    </message>
    <message>
        <source>刪除 %1 個項目</source>
        <translation>Delete %1 items</translation>
    </message>
    <message>
        <source>上移%1</source>
        <translation>Move %1 up</translation>
    </message>
    <message>
        <source>下移%1</source>
        <translation>Move %1 down</translation>
    </message>
    <message>
        <source>降階%1</source>
        <translation>Indent %1</translation>
    </message>
    <message>
        <source>升階%1</source>
        <translation>Outdent %1</translation>
    </message>
    <message>
        <source>拖放移動 1 個項目</source>
        <translation>Drag 1 item</translation>
    </message>
    <message>
        <source>拖放移動 %1 個項目</source>
        <translation>Drag %1 items</translation>
    </message>
    <message>
        <source>貼上 1 個項目</source>
        <translation>Paste 1 item</translation>
    </message>
    <message>
        <source>貼上 %1 個項目</source>
        <translation>Paste %1 items</translation>
    </message>
    <message>
        <source>剪下 1 個項目</source>
        <translation>Cut 1 item</translation>
    </message>
    <message>
        <source>剪下 %1 個項目</source>
        <translation>Cut %1 items</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>工作草稿：%1</source>
        <translation>Working draft: %1</translation>
    </message>
    <message>
        <source>工作草稿</source>
        <translation>Working draft</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>comparison</name>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>刪除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>移動</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>變更</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>編號</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>標題或文字</source>
        <translation>Title or text</translation>
    </message>
    <message>
        <source>所屬</source>
        <translation>Under</translation>
    </message>
    <message>
        <source>修正說明</source>
        <translation>Revision note</translation>
    </message>
    <message>
        <source>現行：%1</source>
        <translation>Current: %1</translation>
    </message>
    <message>
        <source>修正：%1</source>
        <translation>Amended: %1</translation>
    </message>
    <message>
        <source>（現行版本沒有此項目：本項為新增）</source>
        <translation>(not in the current version: this item is new)</translation>
    </message>
    <message>
        <source>（修正後已刪除此項目）</source>
        <translation>(this item is deleted by the amendment)</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>所含項目</source>
        <translation>Items it holds</translation>
    </message>
    <message>
        <source>%1&#x3000;%2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1&#x3000;%2&#x3000;%3&#x3000;%4</source>
        <translation>%1 · %2 · %3 %4</translation>
    </message>
    <message>
        <source>原位置：%1&#x3000;→&#x3000;新位置：%2</source>
        <translation>From: %1  →  To: %2</translation>
    </message>
    <message>
        <source>修正說明（刪除的理由寫在上層項目「%1」）</source>
        <translation>Revision note (the reason for a deletion is written on the item above it, &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>說明為何修正此項目…</source>
        <translation>Explain why this item changed…</translation>
    </message>
    <message>
        <source>修正說明只能寫在工作草稿上：請把「修正」選為工作草稿。</source>
        <translation>Revision notes can only be written on the working draft: choose the working draft as the amended version.</translation>
    </message>
    <message>
        <source>對調兩個版本</source>
        <translation>Swap the two versions</translation>
    </message>
    <message>
        <source>匯出修正對照表…</source>
        <translation>Export comparison table…</translation>
    </message>
    <message>
        <source>匯出追蹤修訂文件…</source>
        <translation>Export with tracked changes…</translation>
    </message>
    <message>
        <source>審閱檢視…</source>
        <translation>Review markup…</translation>
    </message>
    <message>
        <source>在審閱模式中看整份工作草稿標示出的修正，逐項接受或拒絕</source>
        <translation>See the whole working draft marked up in Review mode and accept or reject each change</translation>
    </message>
    <message>
        <source>比較</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>顯示：</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>兩個版本沒有差異</source>
        <translation>The two versions are the same</translation>
    </message>
    <message>
        <source>到此項目(&amp;G)</source>
        <translation>&amp;Go to item</translation>
    </message>
    <message>
        <source>接受：保留此修正(&amp;A)</source>
        <translation>&amp;Accept: keep this change</translation>
    </message>
    <message>
        <source>拒絕：還原為舊版(&amp;R)</source>
        <translation>&amp;Reject: restore the older version</translation>
    </message>
    <message>
        <source>在審閱檢視中查看(&amp;V)</source>
        <translation>&amp;View in Review mode</translation>
    </message>
    <message>
        <source>匯出修正對照表(&amp;T)…</source>
        <translation>Export amendment &amp;table…</translation>
    </message>
    <message>
        <source>匯出追蹤修訂文件(&amp;K)…</source>
        <translation>Export with trac&amp;ked changes…</translation>
    </message>
    <message>
        <source>&#x3000;（修改者：%1）</source>
        <translation> (changed by %1)</translation>
    </message>
</context>
<context>
    <name>document_errors</name>
    <message>
        <source>「%1」是資料夾，不是文件。</source>
        <translation>&quot;%1&quot; is a folder, not a document.</translation>
    </message>
    <message>
        <source>「%1」不是一般檔案（而是裝置、具名管道或通訊端），所以沒有讀取。</source>
        <translation>&quot;%1&quot; is not a regular file (it is a device, named pipe or socket), so it was not read.</translation>
    </message>
    <message>
        <source>「%1」不存在。</source>
        <translation>&quot;%1&quot; does not exist.</translation>
    </message>
    <message>
        <source>沒有讀取「%1」的權限。</source>
        <translation>You have no permission to read &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>無法讀取「%1」。</source>
        <translation>Cannot read &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>「%1」太大（%2 MB；上限是 %3 MB），不會是計畫文件。</source>
        <translation>&quot;%1&quot; is too large to be a plan document (%2 MB; the limit is %3 MB).</translation>
    </message>
    <message>
        <source>「%1」不是 Word 文件（.docx）：它不是 zip 封裝，或已經損壞。</source>
        <translation>&quot;%1&quot; is not a Word document (.docx): it is not a zip package, or it is damaged.</translation>
    </message>
    <message>
        <source>「%1」不是 PDF：檔案開頭不是 PDF 的格式，或已經損壞。</source>
        <translation>&quot;%1&quot; is not a PDF: it does not begin as a PDF file does, or it is damaged.</translation>
    </message>
    <message>
        <source>「%1」是舊版 Office 97–2003 檔案（例如 .doc）；請另存成 .docx 後再匯入。</source>
        <translation>&quot;%1&quot; is an old Office 97–2003 file (such as .doc); save it as .docx and import it again.</translation>
    </message>
    <message>
        <source>「%1」有密碼保護；請存成沒有密碼的檔案後再匯入。</source>
        <translation>&quot;%1&quot; is password-protected; save it without a password and import it again.</translation>
    </message>
    <message>
        <source>「%1」不是 UTF-8 文字檔：其中有 NUL 位元組，這是二進位檔或 UTF-16 檔。</source>
        <translation>&quot;%1&quot; is not UTF-8 text: it contains NUL bytes, as binary and UTF-16 files do.</translation>
    </message>
    <message>
        <source>「%1」不是 UTF-8 文字檔（第 %2 個位元組無法解讀）；請存成 UTF-8 後再匯入。</source>
        <translation>&quot;%1&quot; is not UTF-8 text (byte %2 cannot be read); save it as UTF-8 and import it again.</translation>
    </message>
    <message>
        <source>「%1」已經損壞：看來是 Word 文件，但其中的 zip 封裝無法讀取。</source>
        <translation>&quot;%1&quot; is damaged: it looks like a Word document but its zip package cannot be read.</translation>
    </message>
    <message>
        <source>「%1」有一個部分解開後有 %2 MB，超過任何計畫的 Word 文件所需的 %3 MB，所以沒有讀取。</source>
        <translation>&quot;%1&quot; holds a part that unpacks to %2 MB, more than the %3 MB any plan&apos;s Word document needs, so it was not read.</translation>
    </message>
    <message>
        <source>「%1」已經損壞：其中的 Word 內容無法讀取。</source>
        <translation>&quot;%1&quot; is damaged: its Word content cannot be read.</translation>
    </message>
    <message>
        <source>「%1」沒有文字層（可能是掃描檔）；只能匯入含文字的 PDF，本程式不做文字辨識（OCR）。</source>
        <translation>&quot;%1&quot; has no text layer (it is probably a scan); only PDFs with text can be imported, there is no OCR.</translation>
    </message>
    <message>
        <source>「%1」是損壞的 PDF：其中的文字無法讀取。</source>
        <translation>&quot;%1&quot; is a damaged PDF: its text cannot be read.</translation>
    </message>
    <message>
        <source>「%1」沒有任何文字。</source>
        <translation>&quot;%1&quot; holds no text.</translation>
    </message>
    <message>
        <source>「%1」沒有「壹、」「一、」「（一）」這類標題，所以不是計畫的文字。</source>
        <translation>&quot;%1&quot; has no headings such as 壹、, 一、 or （一）, so it is not the text of a plan.</translation>
    </message>
    <message>
        <source>「%1」的編號層級不明確：第 %2 行把「%3」項目放在「%4」項目之下，第 %5 行卻相反，兩種次數一樣多。</source>
        <translation>The levels of the numbering in &quot;%1&quot; are ambiguous: line %2 puts %3 items under %4 items but line %5 does the opposite, as often.</translation>
    </message>
    <message>
        <source>「%1」在第一個標題之前沒有計畫名稱（例如「高雄市政府108至111年度中程施政計畫理念」）。</source>
        <translation>&quot;%1&quot; has no title line (such as 高雄市政府108至111年度中程施政計畫理念) before its first heading.</translation>
    </message>
    <message>
        <source>「%1」的名稱和內文都沒有計畫期程（例如「108至111年度」）。</source>
        <translation>&quot;%1&quot; has no plan period (such as 108至111年度) in its title or text.</translation>
    </message>
    <message>
        <source>「%1」中的計畫不符合計畫檔的規則（例如有一段文字太長），所以無法匯入。</source>
        <translation>The plan in &quot;%1&quot; breaks the rules of a plan file (a paragraph is too long, for example), so it cannot be imported.</translation>
    </message>
    <message>
        <source>「%1」不是 Word 文件（.docx）：其中沒有文件內容（word/document.xml）。</source>
        <translation>&quot;%1&quot; is not a Word document (.docx): it has no document part (word/document.xml).</translation>
    </message>
    <message>
        <source>「%1」不是 Word 文件（.docx）：文件內容沒有本文。</source>
        <translation>&quot;%1&quot; is not a Word document (.docx): its document part has no body.</translation>
    </message>
    <message>
        <source>「%1」已經損壞：其中的 XML 無法讀取。</source>
        <translation>&quot;%1&quot; is damaged: its XML cannot be read.</translation>
    </message>
    <message>
        <source>「%1」看來不是從這份計畫匯出的文件：書籤和段落都對不上計畫的項目（%3 項中只找到 %2 項）。</source>
        <translation>&quot;%1&quot; does not look like a document exported from this plan: neither its bookmarks nor its paragraphs match the plan&apos;s items (%2 of %3 found).</translation>
    </message>
    <message>
        <source>「%1」是 Excel 活頁簿（.xlsx），不是 Word 文件（.docx）。</source>
        <translation>&quot;%1&quot; is an Excel workbook (.xlsx), not a Word document (.docx).</translation>
    </message>
    <message>
        <source>「%1」是 PowerPoint 簡報（.pptx），不是 Word 文件（.docx）。</source>
        <translation>&quot;%1&quot; is a PowerPoint presentation (.pptx), not a Word document (.docx).</translation>
    </message>
    <message>
        <source>「%1」是 OpenDocument 檔案（.odt/.ods），不是 Word 文件（.docx）。</source>
        <translation>&quot;%1&quot; is an OpenDocument file (.odt/.ods), not a Word document (.docx).</translation>
    </message>
    <message>
        <source>「%1」是 zip 壓縮檔，不是 Word 文件（.docx）。</source>
        <translation>&quot;%1&quot; is a zip archive, not a Word document (.docx).</translation>
    </message>
    <message>
        <source>檔案無法讀取。</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>「%1」沒有寫入：LibreOffice 在 %2 秒內沒有完成轉換。</source>
        <translation>&quot;%1&quot; was not written: LibreOffice did not finish the conversion within %2 seconds.</translation>
    </message>
    <message>
        <source>「%1」沒有寫入：無法啟動 LibreOffice（%2）。</source>
        <translation>&quot;%1&quot; was not written: LibreOffice could not be started (%2).</translation>
    </message>
    <message>
        <source>「%1」沒有寫入：LibreOffice 無法轉換這份文件（%2）。</source>
        <translation>&quot;%1&quot; was not written: LibreOffice could not convert the document (%2).</translation>
    </message>
    <message>
        <source>「%1」沒有寫入：%2需要 %3 欄（每個有數字的年度一欄），Word 表格最多 %4 欄；請改存成 .xlsx 或 .csv。</source>
        <translation>&quot;%1&quot; was not written: the %2 would need %3 columns (one per year that holds a figure) and a Word table holds at most %4; save it as .xlsx or .csv instead.</translation>
    </message>
    <message>
        <source>沒有安裝可顯示繁體中文的字型，所以無法畫出架構圖：請安裝標楷體（DFKai-SB）、AR PL UKai TW（Debian：fonts-arphic-ukai）或 Noto CJK TC（fonts-noto-cjk）。</source>
        <translation>No Traditional Chinese font is installed, so the framework chart cannot be drawn: install 標楷體 (DFKai-SB), AR PL UKai TW (Debian: fonts-arphic-ukai) or Noto CJK TC (fonts-noto-cjk).</translation>
    </message>
    <message>
        <source>「%1」沒有寫入：架構圖只能存成 .svg、.png 或 .pdf。</source>
        <translation>&quot;%1&quot; was not written: the chart can be written as .svg, .png or .pdf only.</translation>
    </message>
    <message>
        <source>「%1」沒有寫入。</source>
        <translation>&quot;%1&quot; was not written.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>SVG 向量圖 (*.svg)</source>
        <translation>SVG vector image (*.svg)</translation>
    </message>
    <message>
        <source>PNG 圖片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>正在匯出「%1」…</source>
        <translation>Exporting &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>「%1」無法寫入：%2。</source>
        <translation>&quot;%1&quot; cannot be written: %2.</translation>
    </message>
    <message>
        <source>匯出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Word 文件(&amp;W)…</source>
        <translation>&amp;Word document…</translation>
    </message>
    <message>
        <source>匯出正式格式的 Word 文件（.docx）</source>
        <translation>Export the official Word document (.docx)</translation>
    </message>
    <message>
        <source>PDF 文件(&amp;P)…</source>
        <translation>&amp;PDF document…</translation>
    </message>
    <message>
        <source>以 LibreOffice 將正式格式的 Word 文件轉成 PDF（.pdf）</source>
        <translation>Convert the official Word document to PDF (.pdf) with LibreOffice</translation>
    </message>
    <message>
        <source>架構圖(&amp;C)…</source>
        <translation>Framework &amp;chart…</translation>
    </message>
    <message>
        <source>匯出架構圖（SVG、PNG 或 PDF）</source>
        <translation>Export the framework chart (SVG, PNG or PDF)</translation>
    </message>
    <message>
        <source>匯出的版本(&amp;V)</source>
        <translation>Export &amp;version</translation>
    </message>
    <message>
        <source>匯出 Word 文件</source>
        <translation>Export Word document</translation>
    </message>
    <message>
        <source>Word 文件 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>匯出 PDF 文件</source>
        <translation>Export PDF document</translation>
    </message>
    <message>
        <source>找不到 LibreOffice，而 PDF 文件要由它轉成；請先安裝 LibreOffice，或改匯出 Word 文件。</source>
        <translation>LibreOffice, which makes the PDF, was not found; install LibreOffice, or export the Word document instead.</translation>
    </message>
    <message>
        <source>匯出架構圖</source>
        <translation>Export framework chart</translation>
    </message>
    <message>
        <source>無法匯出「%1」</source>
        <translation>Could not export &quot;%1&quot;</translation>
    </message>
    <message>
        <source>已匯出 %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <source>Excel 活頁簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV 逗號分隔檔 (*.csv)</source>
        <translation>CSV, comma-separated (*.csv)</translation>
    </message>
    <message>
        <source>績效指標總表(&amp;K)…</source>
        <translation>&amp;KPI summary table…</translation>
    </message>
    <message>
        <source>匯出關鍵績效指標總表（Word、Excel 或 CSV）</source>
        <translation>Export the key performance indicators of every strategy (Word, Excel or CSV)</translation>
    </message>
    <message>
        <source>經費需求表(&amp;M)…</source>
        <translation>Budget require&amp;ments table…</translation>
    </message>
    <message>
        <source>匯出經費需求表（Word、Excel 或 CSV）</source>
        <translation>Export the budget requirements per strategy and year (Word, Excel or CSV)</translation>
    </message>
    <message>
        <source>Word 與 PDF 文件含目錄(&amp;T)</source>
        <translation>Word and PDF with a &amp;table of contents</translation>
    </message>
    <message>
        <source>在 Word 與 PDF 文件的標題之後加上目錄</source>
        <translation>Put a table of contents after the title of the Word and PDF documents</translation>
    </message>
    <message>
        <source>Word 與 PDF 文件附錄績效指標與經費總表(&amp;A)</source>
        <translation>Word and PDF with the summary tables &amp;appended</translation>
    </message>
    <message>
        <source>在 Word 與 PDF 文件最後附上關鍵績效指標總表與經費需求表</source>
        <translation>Append the KPI summary and budget requirements tables to the Word and PDF documents</translation>
    </message>
    <message>
        <source>匯出績效指標總表</source>
        <translation>Export KPI Summary Table</translation>
    </message>
    <message>
        <source>匯出經費需求表</source>
        <translation>Export Budget Requirements Table</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>標題</source>
        <translation>title</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>text</translation>
    </message>
    <message>
        <source>架構圖標籤</source>
        <translation>chart label</translation>
    </message>
    <message>
        <source>內容</source>
        <translation>body</translation>
    </message>
    <message>
        <source>主辦機關</source>
        <translation>lead agencies</translation>
    </message>
    <message>
        <source>協辦機關</source>
        <translation>supporting agencies</translation>
    </message>
    <message>
        <source>施政目標連結</source>
        <translation>goal links</translation>
    </message>
    <message>
        <source>關鍵績效指標</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>預算</source>
        <translation>budget</translation>
    </message>
    <message>
        <source>修正說明</source>
        <translation>revision note</translation>
    </message>
</context>
<context>
    <name>file_errors</name>
    <message>
        <source>「%1」是資料夾，不是計畫檔。</source>
        <translation>&quot;%1&quot; is a folder, not a plan file.</translation>
    </message>
    <message>
        <source>「%1」太大，不會是計畫檔（%2；計畫檔最大 %3）。</source>
        <translation>&quot;%1&quot; is too large to be a plan (%2; a plan file is at most %3).</translation>
    </message>
    <message>
        <source>「%1」超出計畫檔的限制（太大、太深或不是一般檔案），所以沒有讀取。</source>
        <translation>&quot;%1&quot; is past the limits of a plan file (too large, too deeply nested or not a regular file), so it was not read.</translation>
    </message>
    <message>
        <source>「%1」含有殘缺的字元（單獨的代理字元），不是有效的計畫檔。</source>
        <translation>&quot;%1&quot; holds half of a character (a lone surrogate): it is not a valid plan.</translation>
    </message>
    <message>
        <source>「%1」不存在。</source>
        <translation>&quot;%1&quot; does not exist.</translation>
    </message>
    <message>
        <source>沒有讀取「%1」的權限。</source>
        <translation>You have no permission to read &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>無法讀取「%1」。</source>
        <translation>&quot;%1&quot; cannot be read.</translation>
    </message>
    <message>
        <source>「%1」是空的，不是計畫檔。</source>
        <translation>&quot;%1&quot; is empty, not a plan file.</translation>
    </message>
    <message>
        <source>「%1」的內容不完整（檔案被截斷）。</source>
        <translation>&quot;%1&quot; is incomplete (the file was cut off).</translation>
    </message>
    <message>
        <source>「%1」不是 UTF-8 文字檔（第 %2 個位元組無法解讀），所以不是計畫檔。</source>
        <translation>&quot;%1&quot; is not UTF-8 text (byte %2 cannot be read), so it is not a plan file.</translation>
    </message>
    <message>
        <source>「%1」的格式有誤：第 %2 行第 %3 字。</source>
        <translation>&quot;%1&quot; is not well formed: line %2, column %3.</translation>
    </message>
    <message>
        <source>「%1」不是計畫檔（缺少格式版本）。</source>
        <translation>&quot;%1&quot; is not a plan file (it has no format version).</translation>
    </message>
    <message>
        <source>「%1」的格式版本 %2 無效。</source>
        <translation>&quot;%1&quot; has an invalid format version %2.</translation>
    </message>
    <message>
        <source>「%1」由較新版的編輯器儲存（格式 %2；這個版本只能讀到格式 %3）：請更新編輯器。</source>
        <translation>&quot;%1&quot; was saved by a newer editor (format %2; this one reads up to format %3): please update the editor.</translation>
    </message>
    <message>
        <source>「%1」使用格式 %2，這個編輯器無法轉換。</source>
        <translation>&quot;%1&quot; uses format %2, which this editor cannot convert.</translation>
    </message>
    <message>
        <source>「%1」不是有效的計畫檔：%2%3。</source>
        <translation>&quot;%1&quot; is not a valid plan: %2%3.</translation>
    </message>
    <message>
        <source>「%1」沒有儲存：計畫內容有誤，%2%3。</source>
        <translation>&quot;%1&quot; was not saved: the plan is invalid, %2%3.</translation>
    </message>
    <message>
        <source>「%1」沒有儲存：無法寫入檔案。</source>
        <translation>&quot;%1&quot; was not saved: the file cannot be written.</translation>
    </message>
    <message>
        <source>「%1」沒有儲存：磁碟已滿。</source>
        <translation>&quot;%1&quot; was not saved: the disk is full.</translation>
    </message>
    <message>
        <source>「%1」沒有儲存：沒有寫入的權限。</source>
        <translation>&quot;%1&quot; was not saved: no permission to write it.</translation>
    </message>
    <message>
        <source>「%1」沒有儲存：要存放它的資料夾不存在。</source>
        <translation>&quot;%1&quot; was not saved: the folder it goes in does not exist.</translation>
    </message>
    <message>
        <source>缺少%1</source>
        <translation>%1 is missing</translation>
    </message>
    <message>
        <source>%1應為文字</source>
        <translation>%1 should be text</translation>
    </message>
    <message>
        <source>%1應為整數</source>
        <translation>%1 should be a whole number</translation>
    </message>
    <message>
        <source>%1應為數字</source>
        <translation>%1 should be a number</translation>
    </message>
    <message>
        <source>%1應為清單</source>
        <translation>%1 should be a list</translation>
    </message>
    <message>
        <source>%1的格式不符</source>
        <translation>%1 has the wrong form</translation>
    </message>
    <message>
        <source>%1不能是空的</source>
        <translation>%1 cannot be empty</translation>
    </message>
    <message>
        <source>%1太小</source>
        <translation>%1 is too small</translation>
    </message>
    <message>
        <source>%1太大</source>
        <translation>%1 is too large</translation>
    </message>
    <message>
        <source>%1是不認得的欄位</source>
        <translation>%1 is not a known field</translation>
    </message>
    <message>
        <source>%1的內容不正確</source>
        <translation>%1 is not right</translation>
    </message>
    <message>
        <source>期程</source>
        <translation>period</translation>
    </message>
    <message>
        <source>開始年</source>
        <translation>start year</translation>
    </message>
    <message>
        <source>結束年</source>
        <translation>end year</translation>
    </message>
    <message>
        <source>機關</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>編號格式</source>
        <translation>numbering style</translation>
    </message>
    <message>
        <source>修正版</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <source>工作草稿</source>
        <translation>Working draft</translation>
    </message>
    <message>
        <source>版本名稱</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>格式版本</source>
        <translation>format version</translation>
    </message>
    <message>
        <source>修正建議</source>
        <translation>proposals</translation>
    </message>
    <message>
        <source>目標值</source>
        <translation>targets</translation>
    </message>
    <message>
        <source>名稱</source>
        <translation>name</translation>
    </message>
    <message>
        <source>單位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>衡量標準</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <source>第 %1 項%2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>第 %1 項</source>
        <translation>item %1</translation>
    </message>
    <message>
        <source>的</source>
        <translation> › </translation>
    </message>
    <message>
        <source>檔案內容</source>
        <translation>the file</translation>
    </message>
    <message>
        <source>%1的內容不符合格式</source>
        <translation>%1 does not fit the format</translation>
    </message>
    <message>
        <source>（另有 %1 個問題）</source>
        <translation> (and %1 more problems)</translation>
    </message>
    <message>
        <source>「%1」在開啟後被刪除或移走；儲存會重新建立它。</source>
        <translation>&quot;%1&quot; was deleted or moved since it was opened; saving creates it again.</translation>
    </message>
    <message>
        <source>「%1」在開啟後已被其他程式修改；儲存會覆蓋那些修改。</source>
        <translation>&quot;%1&quot; was changed by another program since it was opened; saving overwrites those changes.</translation>
    </message>
    <message>
        <source>「%1」沒有儲存：%2正在編輯這個檔案。</source>
        <translation>&quot;%1&quot; was not saved: %2 is editing that file.</translation>
    </message>
    <message>
        <source>「%1」沒有儲存：%2。</source>
        <translation>&quot;%1&quot; was not saved: %2.</translation>
    </message>
    <message>
        <source>檔案無法讀取或寫入。</source>
        <translation>The file cannot be read or written.</translation>
    </message>
    <message>
        <source>沒有寫入的權限</source>
        <translation>you have no permission to write there</translation>
    </message>
    <message>
        <source>磁碟已滿</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>已超過這個磁碟給你的空間（配額）</source>
        <translation>your space on this disk (quota) is used up</translation>
    </message>
    <message>
        <source>磁碟是唯讀的</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>檔名或路徑太長</source>
        <translation>the file name or path is too long</translation>
    </message>
    <message>
        <source>要存放它的資料夾不存在</source>
        <translation>the folder to hold it does not exist</translation>
    </message>
    <message>
        <source>路徑中有同名的檔案，不是資料夾</source>
        <translation>a file in the path has the name of a folder</translation>
    </message>
    <message>
        <source>這個名稱是資料夾</source>
        <translation>that name is a folder</translation>
    </message>
    <message>
        <source>檔案正由其他程式使用（例如在 Word 中開著），請先關閉它</source>
        <translation>the file is in use by another program (open in Word, for example); close it first</translation>
    </message>
    <message>
        <source>已有同名的檔案</source>
        <translation>a file of that name exists</translation>
    </message>
    <message>
        <source>磁碟或網路磁碟機讀寫失敗</source>
        <translation>the disk or network drive failed to read or write</translation>
    </message>
    <message>
        <source>系統拒絕寫入</source>
        <translation>the system refused to write it</translation>
    </message>
    <message>
        <source>另一台電腦</source>
        <translation>another computer</translation>
    </message>
    <message>
        <source>電腦 %1 上的使用者 %2</source>
        <translation>user %2 on the computer %1</translation>
    </message>
    <message>
        <source>電腦 %1 上的另一個編輯器</source>
        <translation>another editor on the computer %1</translation>
    </message>
    <message>
        <source>還原紀錄 %1 無法鎖定，可能正由另一個編輯器使用。</source>
        <translation>The recovery journal %1 cannot be locked; another editor may be using it.</translation>
    </message>
    <message>
        <source>還原紀錄 %1 無法寫入%2。</source>
        <translation>The recovery journal %1 cannot be written%2.</translation>
    </message>
    <message>
        <source>無法在 %1 建立還原紀錄%2。</source>
        <translation>A recovery journal cannot be created in %1%2.</translation>
    </message>
    <message>
        <source>還原紀錄 %1 無法讀取%2。</source>
        <translation>The recovery journal %1 cannot be read%2.</translation>
    </message>
    <message>
        <source>還原紀錄 %1 無法刪除%2。</source>
        <translation>The recovery journal %1 cannot be deleted%2.</translation>
    </message>
    <message>
        <source>%1 不是這個編輯器的還原紀錄。</source>
        <translation>%1 is not a recovery journal of this editor.</translation>
    </message>
    <message>
        <source>還原紀錄 %1 由較新版的編輯器寫成，這個版本無法還原其中的編輯。</source>
        <translation>The recovery journal %1 was written by a newer editor; this version cannot replay its edits.</translation>
    </message>
    <message>
        <source>還原紀錄 %1 在第 %2 行損壞，無法安全地重做其中的編輯。</source>
        <translation>The recovery journal %1 is damaged at line %2, so its edits cannot be replayed safely.</translation>
    </message>
    <message>
        <source>還原紀錄 %1 沒有保留編輯所根據的計畫內容。</source>
        <translation>The recovery journal %1 holds no copy of the plan its edits apply to.</translation>
    </message>
    <message>
        <source>「%1」已被修改，而編輯所根據的版本沒有留下副本，所以無法還原。</source>
        <translation>&quot;%1&quot; was changed and no copy of the version the edits apply to was kept, so they cannot be recovered.</translation>
    </message>
    <message>
        <source>編輯所根據的「%1」無法讀取，所以無法還原。</source>
        <translation>&quot;%1&quot;, which the edits apply to, cannot be read, so they cannot be recovered.</translation>
    </message>
    <message>
        <source>還原紀錄 %1 正由另一個仍在執行的編輯器使用。</source>
        <translation>The recovery journal %1 is being used by another editor that is still running.</translation>
    </message>
    <message>
        <source>：磁碟已滿</source>
        <translation>: the disk is full</translation>
    </message>
    <message>
        <source>：沒有寫入的權限</source>
        <translation>: no permission to write</translation>
    </message>
    <message>
        <source>：磁碟是唯讀的</source>
        <translation>: the disk is read-only</translation>
    </message>
    <message>
        <source>：路徑中有同名的檔案，不是資料夾</source>
        <translation>: a file is in the way where a folder should be</translation>
    </message>
    <message>
        <source>：已有同名的檔案</source>
        <translation>: a file of that name is in the way</translation>
    </message>
    <message>
        <source>：找不到這個位置</source>
        <translation>: the place does not exist</translation>
    </message>
    <message>
        <source>還原紀錄無法使用。</source>
        <translation>The recovery journal cannot be used.</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>確定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>「%1」有尚未儲存的變更。要先儲存嗎？</source>
        <translation>&quot;%1&quot; has unsaved changes. Save them first?</translation>
    </message>
    <message>
        <source>尚未儲存</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>儲存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>不儲存</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>「%1」在開啟後已被其他程式修改。儲存會覆蓋那些修改。</source>
        <translation>&quot;%1&quot; was changed by another program after it was opened. Saving would overwrite those changes.</translation>
    </message>
    <message>
        <source>檔案已在磁碟上變更</source>
        <translation>File changed on disk</translation>
    </message>
    <message>
        <source>仍要覆蓋</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>另存新檔…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>若不確定，請另存新檔，再比較兩個版本。</source>
        <translation>If unsure, save under a new name and compare the two versions.</translation>
    </message>
    <message>
        <source>「%1」已經由 %2 開啟。兩邊同時編輯時，後儲存的會覆蓋先儲存的。</source>
        <translation>&quot;%1&quot; is already open in %2. When both edit it, the later save overwrites the earlier one.</translation>
    </message>
    <message>
        <source>計畫已在別處開啟</source>
        <translation>Plan open elsewhere</translation>
    </message>
    <message>
        <source>仍要開啟</source>
        <translation>Open anyway</translation>
    </message>
    <message>
        <source>不開啟</source>
        <translation>Don&apos;t open</translation>
    </message>
    <message>
        <source>還原紀錄無法使用。</source>
        <translation>The recovery journal cannot be used.</translation>
    </message>
    <message>
        <source>上次編輯「%1」的紀錄無法還原。</source>
        <translation>The unsaved edits of &quot;%1&quot; cannot be recovered.</translation>
    </message>
    <message>
        <source>無法還原</source>
        <translation>Cannot recover</translation>
    </message>
    <message>
        <source>刪除這份紀錄</source>
        <translation>Delete these edits</translation>
    </message>
    <message>
        <source>保留</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>上次編輯「%1」時程式沒有正常結束，有 1 項編輯尚未儲存（在 %3）。要還原嗎？</source>
        <translation>The editor did not close normally while editing &quot;%1&quot;: 1 edit was not saved (at %3). Recover it?</translation>
    </message>
    <message>
        <source>上次編輯「%1」時程式沒有正常結束，有 %2 項編輯尚未儲存（最後一次在 %3）。要還原嗎？</source>
        <translation>The editor did not close normally while editing &quot;%1&quot;: %2 edits were not saved (the last at %3). Recover them?</translation>
    </message>
    <message>
        <source>還原未儲存的編輯</source>
        <translation>Recover unsaved edits</translation>
    </message>
    <message>
        <source>還原</source>
        <translation>Recover</translation>
    </message>
    <message>
        <source>捨棄這些編輯</source>
        <translation>Discard these edits</translation>
    </message>
    <message>
        <source>稍後再說</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>無法開啟檔案</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <source>無法開啟計畫檔</source>
        <translation>Cannot open the plan file</translation>
    </message>
    <message>
        <source>無法儲存檔案</source>
        <translation>Cannot save the file</translation>
    </message>
    <message>
        <source>無法儲存計畫檔</source>
        <translation>Cannot save the plan file</translation>
    </message>
    <message>
        <source>計畫檔 (*.plan.json);;JSON 檔 (*.json);;所有檔案 (*)</source>
        <translation>Plan files (*.plan.json);;JSON files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>開啟計畫</source>
        <translation>Open plan</translation>
    </message>
    <message>
        <source>另存新檔</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>已匯出「%1」。</source>
        <translation>Exported &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>開啟檔案</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>顯示所在資料夾</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>關閉</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>fonts</name>
    <message>
        <source>找不到繁體中文字型（如微軟正黑體或 Noto Sans CJK TC），中文可能顯示為方框。</source>
        <translation>No Traditional Chinese font found (such as Microsoft JhengHei or Noto Sans CJK TC): Chinese may show as boxes.</translation>
    </message>
</context>
<context>
    <name>hand_out</name>
    <message>
        <source>分送局處</source>
        <translation>Hand Out to a Bureau</translation>
    </message>
    <message>
        <source>把計畫的一部分存成另一個計畫檔，交給局處編輯；收回後以「檔案 ▸ 合併同仁版本」併回，只有這一部分會改變。</source>
        <translation>Save part of the plan as a plan file of its own for a bureau to edit; when it comes back, File ▸ Merge a Colleague&apos;s Copy brings it in, and only that part changes.</translation>
    </message>
    <message>
        <source>依主辦機關(&amp;A)</source>
        <translation>By lead &amp;agency</translation>
    </message>
    <message>
        <source>%1（%2 項推動策略）</source>
        <translation>%1 (%2 strategies)</translation>
    </message>
    <message>
        <source>依施政重點(&amp;F)</source>
        <translation>By &amp;focus area</translation>
    </message>
    <message>
        <source>存到(&amp;S)：</source>
        <translation>&amp;Save to:</translation>
    </message>
    <message>
        <source>瀏覽(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>分送</source>
        <translation>Hand Out</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>施政重點%1</source>
        <translation>focus-areas-%1</translation>
    </message>
    <message>
        <source>計畫檔 (*.plan.json)</source>
        <translation>Plan files (*.plan.json)</translation>
    </message>
    <message>
        <source>分送的部分存到</source>
        <translation>Save the Part To</translation>
    </message>
    <message>
        <source>請至少勾選一項施政重點。</source>
        <translation>Tick at least one focus area.</translation>
    </message>
    <message>
        <source>請指定分送的部分要存到哪個檔案。</source>
        <translation>Say which file the part is saved to.</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>中程施政計畫編輯器 %1</source>
        <translation>Mid-term Plan Editor %1</translation>
    </message>
    <message>
        <source>授權：%1</source>
        <translation>Licence: %1</translation>
    </message>
    <message>
        <source>設定檔：%1</source>
        <translation>Settings: %1</translation>
    </message>
    <message>
        <source>還原紀錄資料夾：%1</source>
        <translation>Recovery files: %1</translation>
    </message>
    <message>
        <source>關於中程施政計畫編輯器</source>
        <translation>About Mid-term Plan Editor</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>快速鍵</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>指令</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>按鍵</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>關閉</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>%1&#x3000;%2</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>計畫文件 (*.docx *.pdf *.txt)</source>
        <translation>Plan documents (*.docx *.pdf *.txt)</translation>
    </message>
    <message>
        <source>所有檔案 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>匯入計畫</source>
        <translation>Import a plan</translation>
    </message>
    <message>
        <source>正在匯入「%1」…</source>
        <translation>Importing &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>無法匯入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>無法匯入「%1」。</source>
        <translation>Cannot import &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>已匯入「%1」：%2 項施政重點、%3 項推動策略</source>
        <translation>Imported &quot;%1&quot;: %2 focus areas, %3 strategies</translation>
    </message>
    <message>
        <source>匯入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>有 %1 段文字無法放入計畫，請對照原文檢查。</source>
        <translation>%1 pieces of text could not be placed in the plan; check them against the source.</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>理念</source>
        <translation>preface</translation>
    </message>
    <message>
        <source>施政目標章節</source>
        <translation>goals section</translation>
    </message>
    <message>
        <source>施政重點與發展策略</source>
        <translation>focus areas and strategies section</translation>
    </message>
    <message>
        <source>結語</source>
        <translation>closing</translation>
    </message>
    <message>
        <source>段落</source>
        <translation>paragraph</translation>
    </message>
    <message>
        <source>施政目標</source>
        <translation>goal</translation>
    </message>
    <message>
        <source>施政重點</source>
        <translation>focus area</translation>
    </message>
    <message>
        <source>推動策略</source>
        <translation>strategy</translation>
    </message>
    <message>
        <source>具體作法</source>
        <translation>action</translation>
    </message>
    <message>
        <source>子項作法</source>
        <translation>sub-action</translation>
    </message>
</context>
<context>
    <name>merge</name>
    <message>
        <source>計畫名稱</source>
        <translation>title</translation>
    </message>
    <message>
        <source>機關</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>期程</source>
        <translation>period</translation>
    </message>
    <message>
        <source>編號格式</source>
        <translation>numbering style</translation>
    </message>
    <message>
        <source>工作草稿名稱</source>
        <translation>draft label</translation>
    </message>
    <message>
        <source>工作草稿說明</source>
        <translation>draft note</translation>
    </message>
    <message>
        <source>「%1」是從別的計畫分送出去的部分，不能合併到這份計畫。</source>
        <translation>&quot;%1&quot; is a part handed out from another plan and cannot be merged into this one.</translation>
    </message>
    <message>
        <source>「%1」和這份計畫不是同一份計畫的版本，無法合併。</source>
        <translation>&quot;%1&quot; and this plan are not versions of the same plan, so they cannot be merged.</translation>
    </message>
    <message>
        <source>雙方都修改了%1</source>
        <translation>both sides changed the %1</translation>
    </message>
    <message>
        <source>一方刪除了這個項目，另一方修改了它；項目保留，刪除列為待審建議</source>
        <translation>one side removed the item and the other edited it; the item stays, its removal is a pending proposal</translation>
    </message>
    <message>
        <source>雙方把它移到不同的位置</source>
        <translation>the two sides moved it to different places</translation>
    </message>
    <message>
        <source>雙方都修改了計畫的%1</source>
        <translation>both sides changed the plan&apos;s %1</translation>
    </message>
    <message>
        <source>計畫屬性</source>
        <translation>Plan properties</translation>
    </message>
    <message>
        <source>雙方都變更了這個修正版</source>
        <translation>both sides changed this revision</translation>
    </message>
    <message>
        <source>%1. %2：%3</source>
        <translation>%1. %2: %3</translation>
    </message>
    <message>
        <source>%1：在交回的部分中被修改，但它不在分送範圍內</source>
        <translation>%1: edited in the part returned, but it is not part of what was handed out</translation>
    </message>
    <message>
        <source>%1的%2被修改，但它不在分送範圍內</source>
        <translation>%1: its %2 was edited, but it is not part of what was handed out</translation>
    </message>
    <message>
        <source>%1：施政重點被刪除，但分送的只是其中的推動策略</source>
        <translation>%1: the focus area was removed, but only its strategies were handed out</translation>
    </message>
    <message>
        <source>%1：施政重點的%2被修改，但分送的只是其中的推動策略</source>
        <translation>%1: the focus area&apos;s %2 was edited, but only its strategies were handed out</translation>
    </message>
    <message>
        <source>%1：新增的施政重點，不在分送範圍內</source>
        <translation>%1: a new focus area, outside what was handed out</translation>
    </message>
    <message>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>已合併「%1」：採用對方的修改 %2 項，保留這份計畫的修改 %3 項，衝突 %4 項。</source>
        <translation>Merged &quot;%1&quot;: %2 change(s) taken from the colleague, %3 of this plan&apos;s own kept, %4 conflict(s).</translation>
    </message>
    <message>
        <source>衝突之處保留這份計畫的版本，對方的版本列為待審的修正建議，請在審閱模式中決定：</source>
        <translation>Where the two conflict, this plan&apos;s version is kept and the colleague&apos;s is a pending proposal; decide each in Review mode:</translation>
    </message>
    <message>
        <source>分送範圍之外的修改 %1 項，沒有合併：</source>
        <translation>%1 edit(s) outside the part handed out, not merged:</translation>
    </message>
    <message>
        <source>計畫檔 (*.plan.json);;JSON 檔 (*.json);;所有檔案 (*)</source>
        <translation>Plan files (*.plan.json);;JSON files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>無法合併</source>
        <translation>Cannot Merge</translation>
    </message>
    <message>
        <source>合併同仁版本</source>
        <translation>Merge a Colleague&apos;s Copy</translation>
    </message>
    <message>
        <source>「%1」不是從這份計畫分送出去的部分。合併兩份完整的計畫需要共同的底本：對方開始修改之前的那一份計畫檔。</source>
        <translation>&quot;%1&quot; is not a part handed out from this plan. Merging two whole plans needs their common base: the plan file as it was before the colleague started editing.</translation>
    </message>
    <message>
        <source>選擇底本(&amp;B)…</source>
        <translation>Choose the &amp;Base…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>選擇共同的底本</source>
        <translation>Choose the Common Base</translation>
    </message>
    <message>
        <source>合併「%1」</source>
        <translation>Merge &quot;%1&quot;</translation>
    </message>
    <message>
        <source>「%1」無法合併：%2</source>
        <translation>&quot;%1&quot; cannot be merged: %2</translation>
    </message>
    <message>
        <source>確定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>operation_errors</name>
    <message>
        <source>%1之下不能放%2</source>
        <translation>a %2 cannot go under a %1</translation>
    </message>
    <message>
        <source>具體作法最多兩層（1. 與（1））</source>
        <translation>actions go at most two levels deep (1. and (1))</translation>
    </message>
    <message>
        <source>%1「%2」不能有下層項目</source>
        <translation>the %1 &quot;%2&quot; cannot hold items</translation>
    </message>
    <message>
        <source>「%1」是固定的章節，不能移動</source>
        <translation>&quot;%1&quot; is a fixed section and cannot be moved</translation>
    </message>
    <message>
        <source>「%1」不能移到自己的下層</source>
        <translation>&quot;%1&quot; cannot move under itself</translation>
    </message>
    <message>
        <source>固定的章節不能新增或貼上</source>
        <translation>Fixed sections cannot be added or pasted</translation>
    </message>
    <message>
        <source>這個項目已經不在計畫中，所以沒有修改</source>
        <translation>This item is no longer in the plan, so nothing was changed</translation>
    </message>
    <message>
        <source>項目要放的位置已經不存在，所以沒有修改</source>
        <translation>The place for the item no longer exists, so nothing was changed</translation>
    </message>
    <message>
        <source>要加入的項目已經在計畫中，所以沒有修改</source>
        <translation>The item to add is already in the plan, so nothing was changed</translation>
    </message>
    <message>
        <source>要加入的%1不符合計畫檔的規則（例如有一段文字太長），所以沒有加入</source>
        <translation>The %1 to add breaks the rules of a plan file (a text too long, for example), so it was not added</translation>
    </message>
    <message>
        <source>%1沒有可以修改的「%2」欄位</source>
        <translation>A %1 has no field &quot;%2&quot; to edit</translation>
    </message>
    <message>
        <source>%1的%2不符合計畫檔的規則，所以沒有修改</source>
        <translation>The %1&apos;s %2 breaks the rules of a plan file, so it was not changed</translation>
    </message>
    <message>
        <source>%1的%2太長，計畫檔存不下，所以沒有修改</source>
        <translation>The %1&apos;s %2 is too long for a plan file, so it was not changed</translation>
    </message>
    <message>
        <source>文字中有殘缺的字元（單獨的代理字元，常見於損壞的貼上內容），無法存檔，所以沒有修改</source>
        <translation>The text holds a broken character (a lone surrogate, often from a damaged paste) that no file can store, so nothing was changed</translation>
    </message>
    <message>
        <source>計畫名稱不能空白</source>
        <translation>The plan&apos;s title cannot be empty</translation>
    </message>
    <message>
        <source>計畫屬性的值不正確，所以沒有修改</source>
        <translation>A value of the plan&apos;s properties is not valid, so nothing was changed</translation>
    </message>
    <message>
        <source>修正版的內容不正確，所以沒有修改</source>
        <translation>The revision is not valid, so nothing was changed</translation>
    </message>
    <message>
        <source>工作草稿不是修正版，不能刪除或當作修正版改名</source>
        <translation>The working draft is not a revision: it cannot be deleted or renamed as one</translation>
    </message>
    <message>
        <source>這個修正版已經不在計畫中</source>
        <translation>This revision is no longer in the plan</translation>
    </message>
    <message>
        <source>版本名稱「%1」重複了：每個修正版要有不同的名稱</source>
        <translation>The label &quot;%1&quot; is used twice: each revision needs its own label</translation>
    </message>
    <message>
        <source>這個修正建議已經不在計畫中</source>
        <translation>This proposal is no longer in the plan</translation>
    </message>
    <message>
        <source>修正建議的內容不正確，所以沒有修改</source>
        <translation>The proposal is not valid, so nothing was changed</translation>
    </message>
    <message>
        <source>無法接受：這個建議要加入項目的上層項目已經不在計畫中</source>
        <translation>Cannot accept: the item this proposal adds to is no longer in the plan</translation>
    </message>
    <message>
        <source>無法接受：這個建議修改的項目已經不在計畫中</source>
        <translation>Cannot accept: the item this proposal changes is no longer in the plan</translation>
    </message>
    <message>
        <source>無法接受：這個建議移動的項目，或要移到的上層項目，已經不在計畫中</source>
        <translation>Cannot accept: the item this proposal moves, or the item it moves it under, is no longer in the plan</translation>
    </message>
    <message>
        <source>無法接受：這個建議對不上計畫中的任何項目</source>
        <translation>Cannot accept: this proposal matches no item of the plan</translation>
    </message>
    <message>
        <source>無法接受：這個建議修改的項目沒有「%1」這段文字</source>
        <translation>Cannot accept: the item this proposal changes has no %1</translation>
    </message>
    <message>
        <source>無法接受：這個建議修改的文字之後又被編輯過，修改已經對不上</source>
        <translation>Cannot accept: the text this proposal changes was edited since, so the change no longer fits</translation>
    </message>
    <message>
        <source>無法拒絕：新增的項目已經不在計畫中</source>
        <translation>Cannot reject: the added item is no longer in the plan</translation>
    </message>
    <message>
        <source>無法拒絕：原本的上層項目已經不在計畫中</source>
        <translation>Cannot reject: the item it was under is no longer in the plan</translation>
    </message>
    <message>
        <source>無法拒絕：刪除的項目已經又在工作草稿中</source>
        <translation>Cannot reject: the removed item is in the working draft again</translation>
    </message>
    <message>
        <source>無法拒絕：原本的上層項目不在工作草稿中；請先拒絕刪除那個項目</source>
        <translation>Cannot reject: the item it was under is not in the working draft; reject that item&apos;s removal first</translation>
    </message>
    <message>
        <source>這項修改無法套用在這份計畫上</source>
        <translation>This change cannot be made to this plan</translation>
    </message>
    <message>
        <source>這項修改無法讀取，所以沒有套用</source>
        <translation>This change cannot be read, so it was not made</translation>
    </message>
    <message>
        <source>這項修改不符合計畫的規則，所以沒有套用</source>
        <translation>This change breaks the rules of the plan, so it was not made</translation>
    </message>
</context>
<context>
    <name>outline</name>
    <message>
        <source>顯示整份計畫</source>
        <translation>Show the whole plan</translation>
    </message>
    <message>
        <source>請先選取一個施政重點或其下的項目</source>
        <translation>First select a focus area or an item in one</translation>
    </message>
    <message>
        <source>只顯示「%1」：按 Ctrl+Shift+B 顯示整份計畫</source>
        <translation>Showing only &quot;%1&quot;: Ctrl+Shift+B shows the whole plan</translation>
    </message>
    <message>
        <source>只顯示：%1</source>
        <translation>Showing only: %1</translation>
    </message>
    <message>
        <source>「%1」不在聚焦的施政重點內：已顯示整份計畫</source>
        <translation>&quot;%1&quot; is outside the focus area shown: the whole plan is shown</translation>
    </message>
    <message>
        <source>聚焦的施政重點已不在計畫中：已顯示整份計畫</source>
        <translation>The focus area shown is no longer in the plan: the whole plan is shown</translation>
    </message>
</context>
<context>
    <name>plan_properties</name>
    <message>
        <source>預算 %1</source>
        <translation>budget %1</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>指標「%1」%2年目標值</source>
        <translation>target %2 of &quot;%1&quot;</translation>
    </message>
    <message>
        <source>「%1」：%2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>期程改為民國 %1 至 %2 年，會刪除期程外的資料：</source>
        <translation>Changing the period to ROC years %1 to %2 deletes the values outside it:</translation>
    </message>
    <message>
        <source>變更期程</source>
        <translation>Change the period</translation>
    </message>
    <message>
        <source>刪除並變更期程</source>
        <translation>Delete and change the period</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>變更計畫屬性</source>
        <translation>change the plan properties</translation>
    </message>
    <message>
        <source>已變更計畫屬性</source>
        <translation>The plan properties were changed</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>預覽列印</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>列印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>已列印至「%1」</source>
        <translation>Printed to &quot;%1&quot;</translation>
    </message>
    <message>
        <source>已送出列印</source>
        <translation>Sent to the printer</translation>
    </message>
</context>
<context>
    <name>readonly</name>
    <message>
        <source>%1（唯讀）</source>
        <translation>%1 (read-only)</translation>
    </message>
    <message>
        <source>%1，%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>唯讀&#x3000;%1（%2）：過去的修正版不能修改，修改請在工作草稿中進行。</source>
        <translation>Read-only: %1 (%2). A past revision cannot be changed; make changes in the working draft.</translation>
    </message>
    <message>
        <source>唯讀&#x3000;%1：過去的修正版不能修改，修改請在工作草稿中進行。</source>
        <translation>Read-only: %1. A past revision cannot be changed; make changes in the working draft.</translation>
    </message>
    <message>
        <source>具體作法</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>子項作法</source>
        <translation>Sub-actions</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>插入</source>
        <translation>Insertion</translation>
    </message>
    <message>
        <source>刪除</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <source>取代</source>
        <translation>Replacement</translation>
    </message>
    <message>
        <source>註解</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>新增項目</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>刪除項目</source>
        <translation>Removed item</translation>
    </message>
    <message>
        <source>移動項目</source>
        <translation>Moved item</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>審閱(&amp;W)</source>
        <translation>Revie&amp;w</translation>
    </message>
    <message>
        <source>審閱模式(&amp;M)</source>
        <translation>Review &amp;mode</translation>
    </message>
    <message>
        <source>逐項檢視、接受或拒絕修正建議與註解</source>
        <translation>Go through the proposed changes and comments, accepting or rejecting each</translation>
    </message>
    <message>
        <source>工作草稿對照修正版(&amp;D)</source>
        <translation>&amp;Draft against the latest revision</translation>
    </message>
    <message>
        <source>讀入審閱文件(&amp;I)…</source>
        <translation>&amp;Import a reviewed document…</translation>
    </message>
    <message>
        <source>匯出修正對照表(&amp;T)…</source>
        <translation>Export amendment &amp;table…</translation>
    </message>
    <message>
        <source>匯出追蹤修訂文件(&amp;K)…</source>
        <translation>Export with trac&amp;ked changes…</translation>
    </message>
    <message>
        <source>工作草稿對照審閱模式所對照的修正版（預設為最新的修正版）</source>
        <translation>The working draft against the revision Review mode compares with (the latest revision by default)</translation>
    </message>
    <message>
        <source>審閱</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>還沒有修正版可以對照</source>
        <translation>There is no revision to compare with yet</translation>
    </message>
    <message>
        <source>讀入審閱文件</source>
        <translation>Import a reviewed document</translation>
    </message>
    <message>
        <source>Word 文件 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>無法讀入審閱文件「%1」。</source>
        <translation>Cannot read the reviewed document &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>讀入審閱文件 %1</source>
        <translation>Import reviewed document %1</translation>
    </message>
    <message>
        <source>讀入 %1 項修正建議，%2 項無法對應到項目</source>
        <translation>Read %1 proposals; %2 could not be placed on an item</translation>
    </message>
    <message>
        <source>只看選取的分支(&amp;B)</source>
        <translation>Selected &amp;branch only</translation>
    </message>
    <message>
        <source>顯示(&amp;S)</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>作者(&amp;U)</source>
        <translation>A&amp;uthor</translation>
    </message>
    <message>
        <source>類別(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>上一個</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一個</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>接受</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>拒絕</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>全部接受</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <source>全部拒絕</source>
        <translation>Reject all</translation>
    </message>
    <message>
        <source>匯出修正對照表…</source>
        <translation>Export amendment table…</translation>
    </message>
    <message>
        <source>匯出追蹤修訂文件…</source>
        <translation>Export with tracked changes…</translation>
    </message>
    <message>
        <source>回覆目前的註解，按 Enter 送出</source>
        <translation>Reply to the current comment; Enter sends it</translation>
    </message>
    <message>
        <source>結案</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>對樹狀圖選取的項目新增註解，按 Enter 送出</source>
        <translation>Comment on the item selected in the tree; Enter adds it</translation>
    </message>
    <message>
        <source>待決定的修正建議</source>
        <translation>Pending proposals</translation>
    </message>
    <message>
        <source>工作草稿對照 %1</source>
        <translation>Working draft against %1</translation>
    </message>
    <message>
        <source>所有作者</source>
        <translation>All authors</translation>
    </message>
    <message>
        <source>所有類別</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>（未具名）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>「%1」</source>
        <translation>&quot;%1&quot;</translation>
    </message>
    <message>
        <source>沒有待決定的修正</source>
        <translation>Nothing left to decide</translation>
    </message>
    <message>
        <source>共 %1 項修正</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <source>（無法對應的項目）</source>
        <translation>(not placed on an item)</translation>
    </message>
    <message>
        <source>第 %1／%2 項：%3 %4（%5）</source>
        <translation>%1 of %2: %3, %4 (%5)</translation>
    </message>
    <message>
        <source>接受修正</source>
        <translation>Accept change</translation>
    </message>
    <message>
        <source>拒絕修正</source>
        <translation>Reject change</translation>
    </message>
    <message>
        <source>註解結案</source>
        <translation>Resolve comment</translation>
    </message>
    <message>
        <source>%1（%2 項）</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <source>%1 項無法處理：%2</source>
        <translation>%1 could not be done: %2</translation>
    </message>
    <message>
        <source>已處理 %1 項</source>
        <translation>%1 done</translation>
    </message>
    <message>
        <source>請先移到一則註解（F8）再回覆</source>
        <translation>Go to a comment first (F8), then reply</translation>
    </message>
    <message>
        <source>回覆註解</source>
        <translation>Reply to comment</translation>
    </message>
    <message>
        <source>新增註解</source>
        <translation>Add comment</translation>
    </message>
</context>
<context>
    <name>revision_menu</name>
    <message>
        <source>修正版(&amp;R)</source>
        <translation>&amp;Revisions</translation>
    </message>
    <message>
        <source>管理修正版(&amp;M)…</source>
        <translation>&amp;Manage revisions…</translation>
    </message>
    <message>
        <source>由工作草稿建立修正版、重新命名或刪除修正版</source>
        <translation>Make a revision from the working draft, rename or delete revisions</translation>
    </message>
    <message>
        <source>比較版本(&amp;C)…</source>
        <translation>&amp;Compare…</translation>
    </message>
    <message>
        <source>逐項列出兩個版本之間的修正</source>
        <translation>List the changes between two versions, item by item</translation>
    </message>
    <message>
        <source>檢視過去的修正版(&amp;V)</source>
        <translation>&amp;View a past revision</translation>
    </message>
    <message>
        <source>修正對照</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>（還沒有修正版）</source>
        <translation>(no revisions yet)</translation>
    </message>
    <message>
        <source>拒絕修正</source>
        <translation>Reject change</translation>
    </message>
</context>
<context>
    <name>revisions</name>
    <message>
        <source>請輸入版本名稱，例如「109年修正版」。</source>
        <translation>Enter a name for the version, for example &quot;109年修正版&quot;.</translation>
    </message>
    <message>
        <source>「%1」是工作草稿的名稱，不能作為修正版的名稱。</source>
        <translation>&quot;%1&quot; is the name of the working draft and cannot name a revision.</translation>
    </message>
    <message>
        <source>已有名為「%1」的版本，請換一個名稱。</source>
        <translation>A version named &quot;%1&quot; already exists; choose another name.</translation>
    </message>
    <message>
        <source>日期「%1」請寫成 YYYY-MM-DD，例如 2020-06-30。</source>
        <translation>Write the date &quot;%1&quot; as YYYY-MM-DD, for example 2020-06-30.</translation>
    </message>
    <message>
        <source>建立修正版「%1」</source>
        <translation>Create revision &quot;%1&quot;</translation>
    </message>
    <message>
        <source>將「%1」改名為「%2」</source>
        <translation>Rename &quot;%1&quot; to &quot;%2&quot;</translation>
    </message>
    <message>
        <source>刪除修正版「%1」</source>
        <translation>Delete revision &quot;%1&quot;</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>作者</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>說明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>項目數</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>重新命名修正版</source>
        <translation>Rename revision</translation>
    </message>
    <message>
        <source>由工作草稿建立修正版</source>
        <translation>New revision from the working draft</translation>
    </message>
    <message>
        <source>清空工作草稿的修正說明（它們屬於這個修正版）</source>
        <translation>Clear the working draft&apos;s revision notes (they belong to this revision)</translation>
    </message>
    <message>
        <source>版本名稱</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>例如 110年修正版</source>
        <translation>for example 110年修正版</translation>
    </message>
    <message>
        <source>修正版</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <source>由工作草稿建立修正版…</source>
        <translation>New from working draft…</translation>
    </message>
    <message>
        <source>重新命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>刪除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>檢視（唯讀）</source>
        <translation>View (read-only)</translation>
    </message>
    <message>
        <source>關閉</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>刪除修正版</source>
        <translation>Delete revision</translation>
    </message>
    <message>
        <source>要刪除修正版「%1」嗎？它的全文將從計畫檔中移除（可用「復原」取回）。</source>
        <translation>Delete revision &quot;%1&quot;? Its full text will be removed from the plan file (Undo brings it back).</translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message>
        <source>施政重點</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>推動策略</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>關鍵績效指標</source>
        <translation>Key performance indicator</translation>
    </message>
    <message>
        <source>策略績效目標</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>評估體制</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>衡量標準</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <source>單位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>績效指標總表</source>
        <translation>KPI Summary</translation>
    </message>
    <message>
        <source>經費需求表</source>
        <translation>Budget Requirements</translation>
    </message>
    <message>
        <source>%1年目標值</source>
        <translation>%1 target</translation>
    </message>
    <message>
        <source>%1年（千元）</source>
        <translation>%1 (NT$ thousand)</translation>
    </message>
    <message>
        <source>合計（千元）</source>
        <translation>Total (NT$ thousand)</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>已移除 1 個無法寫入 Word 文件的控制字元</source>
        <translation>Removed 1 control character that a Word document cannot hold</translation>
    </message>
    <message>
        <source>已移除 %1 個無法寫入 Word 文件的控制字元</source>
        <translation>Removed %1 control characters that a Word document cannot hold</translation>
    </message>
</context>
<context>
    <name>tree</name>
    <message>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>請先選擇一個項目</source>
        <translation>Select an item first</translation>
    </message>
    <message>
        <source>固定的章節不能新增同層項目；請用 Ctrl+Enter 新增下層項目</source>
        <translation>The fixed sections have no siblings; use Ctrl+Enter to add a child</translation>
    </message>
    <message>
        <source>%1之下不能有下層項目</source>
        <translation>A %1 cannot have children</translation>
    </message>
    <message>
        <source>刪除%1「%2」會一併刪除其下 %3 個項目，共 %4 個項目。確定要刪除嗎？</source>
        <translation>Deleting the %1 &quot;%2&quot; also deletes everything under it: %4 items in all. Delete?</translation>
    </message>
    <message>
        <source>刪除選取的 %1 個項目會連同其下層一起刪除，共 %2 個項目。確定要刪除嗎？</source>
        <translation>Deleting the %1 selected items also deletes what is under them, %2 items in all. Delete?</translation>
    </message>
    <message>
        <source>固定的章節不能刪除</source>
        <translation>The fixed sections cannot be deleted</translation>
    </message>
    <message>
        <source>刪除項目</source>
        <translation>Delete items</translation>
    </message>
    <message>
        <source>固定的章節不能移動</source>
        <translation>The fixed sections cannot be moved</translation>
    </message>
    <message>
        <source>「%1」已經是第一個</source>
        <translation>&quot;%1&quot; is already the first</translation>
    </message>
    <message>
        <source>「%1」已經是最後一個</source>
        <translation>&quot;%1&quot; is already the last</translation>
    </message>
    <message>
        <source>「%1」前面沒有同層項目，無法降階</source>
        <translation>&quot;%1&quot; has no previous sibling to indent under</translation>
    </message>
    <message>
        <source>無法降階：%1</source>
        <translation>Cannot indent: %1</translation>
    </message>
    <message>
        <source>「%1」已在最上層，無法升階</source>
        <translation>&quot;%1&quot; is already at the top level</translation>
    </message>
    <message>
        <source>無法升階：%1</source>
        <translation>Cannot outdent: %1</translation>
    </message>
    <message>
        <source>請先選擇要複製的項目（固定的章節不能複製）</source>
        <translation>Select the items to copy first (the fixed sections cannot be copied)</translation>
    </message>
    <message>
        <source>已複製 1 個項目</source>
        <translation>1 item copied</translation>
    </message>
    <message>
        <source>已複製 %1 個項目</source>
        <translation>%1 items copied</translation>
    </message>
    <message>
        <source>請先選擇要剪下的項目（固定的章節不能剪下）</source>
        <translation>Select the items to cut first (the fixed sections cannot be cut)</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>拖放的內容不是這份計畫的項目</source>
        <translation>What was dropped is not an item of this plan</translation>
    </message>
    <message>
        <source>不能放在章節之外</source>
        <translation>Items go inside the sections</translation>
    </message>
    <message>
        <source>不能移到自己的下層</source>
        <translation>An item cannot move under itself</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>中程施政計畫編輯器</source>
        <translation>Mid-term Plan Editor</translation>
    </message>
    <message>
        <source>〈開啟時的狀態〉</source>
        <translation>&lt;as opened&gt;</translation>
    </message>
    <message>
        <source>復原記錄</source>
        <translation>Undo history</translation>
    </message>
    <message>
        <source>架構圖預覽</source>
        <translation>Framework chart preview</translation>
    </message>
    <message>
        <source>檢核結果</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>績效指標與經費總表</source>
        <translation>KPI and Budget Summary</translation>
    </message>
    <message>
        <source>已重新檢核：%1 項發現</source>
        <translation>Checks run again: %1 findings</translation>
    </message>
    <message>
        <source>無法寫入還原紀錄</source>
        <translation>Cannot write the recovery journal</translation>
    </message>
    <message>
        <source>還原紀錄無法寫入：當機時未儲存的編輯可能無法還原。請儘快儲存。</source>
        <translation>The recovery journal cannot be written: after a crash, unsaved edits might not be recovered. Save soon.</translation>
    </message>
    <message>
        <source>刪除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>找不到「%1」</source>
        <translation>&quot;%1&quot; was not found</translation>
    </message>
    <message>
        <source>取代 %1 處</source>
        <translation>replace %1 places</translation>
    </message>
    <message>
        <source>已取代 %1 處</source>
        <translation>Replaced %1 places</translation>
    </message>
    <message>
        <source>已還原 1 項編輯</source>
        <translation>Recovered 1 edit</translation>
    </message>
    <message>
        <source>已還原 %1 項編輯</source>
        <translation>Recovered %1 edits</translation>
    </message>
    <message>
        <source>無法還原</source>
        <translation>Cannot recover</translation>
    </message>
    <message>
        <source>無法還原未儲存的編輯。</source>
        <translation>The unsaved edits cannot be recovered.</translation>
    </message>
    <message>
        <source>已儲存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>（沒有）</source>
        <translation>(none)</translation>
    </message>
</context>
</TS>
