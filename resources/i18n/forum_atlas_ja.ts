<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>Print fact sheet…</source>
        <translation>ファクトシートを印刷…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Preview and print the fact sheet of the selected forum or participant</source>
        <translation>選択したフォーラムまたは参加主体のファクトシートをプレビューして印刷</translation>
    </message>
    <message>
        <source>Export fact sheet as PDF…</source>
        <translation>ファクトシートを PDF で書き出す…</translation>
    </message>
    <message>
        <source>Export briefing pack as PDF…</source>
        <translation>ブリーフィング資料を PDF で書き出す…</translation>
    </message>
    <message>
        <source>Export timeline as image…</source>
        <translation>年表を画像で書き出す…</translation>
    </message>
    <message>
        <source>Export data as JSON…</source>
        <translation>データを JSON で書き出す…</translation>
    </message>
    <message>
        <source>Export fact sheet as document…</source>
        <translation>ファクトシートを文書で書き出す…</translation>
    </message>
    <message>
        <source>The fact sheet as ODT (word processors), Markdown or HTML</source>
        <translation>ファクトシートを ODT（ワープロ用）、Markdown、HTML で</translation>
    </message>
    <message>
        <source>Export briefing pack as document…</source>
        <translation>ブリーフィング資料を文書で書き出す…</translation>
    </message>
    <message>
        <source>The briefing pack as ODT (word processors), Markdown or HTML</source>
        <translation>ブリーフィング資料を ODT（ワープロ用）、Markdown、HTML で</translation>
    </message>
    <message>
        <source>Export references to the paper…</source>
        <translation>論文の書誌情報を書き出す…</translation>
    </message>
    <message>
        <source>The paper and its three parts as RIS, BibTeX or CSL-JSON, for reference managers</source>
        <translation>論文とその 3 部を RIS、BibTeX、CSL-JSON で（文献管理ソフト用）</translation>
    </message>
    <message>
        <source>Open source text…</source>
        <translation>原文テキストを開く…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Copy &amp;citation</source>
        <translation>出典をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search the atlas (Ctrl+F, or / when no text field has the focus)</source>
        <translation>アトラスを検索（Ctrl+F、またはテキスト欄にフォーカスがないときは /）</translation>
    </message>
    <message>
        <source>Copy as &amp;text</source>
        <translation>テキストとしてコピー(&amp;T)</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Markdown としてコピー(&amp;M)</translation>
    </message>
    <message>
        <source>Zoom timeline in</source>
        <translation>年表を拡大</translation>
    </message>
    <message>
        <source>Zoom timeline out</source>
        <translation>年表を縮小</translation>
    </message>
    <message>
        <source>Fit whole timeline</source>
        <translation>年表全体を表示</translation>
    </message>
    <message>
        <source>Fit timeline to selection</source>
        <translation>選択範囲に年表を合わせる</translation>
    </message>
    <message>
        <source>Clear date range</source>
        <translation>期間指定を解除</translation>
    </message>
    <message>
        <source>Show &amp;toolbar</source>
        <translation>ツールバーを表示(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Detail</source>
        <translation>詳細(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Membership matrix</source>
        <translation>参加マトリクス(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Chronology</source>
        <translation>年譜(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>比較(&amp;O)</translation>
    </message>
    <message>
        <source>Figure &amp;1: Japan’s bilateral dialogues</source>
        <translation>図 1: 日本の二国間対話(&amp;1)</translation>
    </message>
    <message>
        <source>Figure &amp;2: multilateral forums of the Defense Agency</source>
        <translation>図 2: 防衛庁の多国間フォーラム(&amp;2)</translation>
    </message>
    <message>
        <source>Figure &amp;3: track-two dialogues, CSCAP the most inclusive</source>
        <translation>図 3: トラック2 対話（最も包括的な CSCAP）(&amp;3)</translation>
    </message>
    <message>
        <source>Co&amp;mpare selection with basket</source>
        <translation>選択項目をバスケットと比較(&amp;M)</translation>
    </message>
    <message>
        <source>Compare the selected forum or participant with those of its kind in the basket (two to four)</source>
        <translation>選択したフォーラムまたは参加主体を、バスケット内の同種の項目と比較（2～4 件）</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>進む(&amp;F)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>進む</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>移動…</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>次のペイン</translation>
    </message>
    <message>
        <source>Move the focus to the next pane</source>
        <translation>フォーカスを次のペインへ移す</translation>
    </message>
    <message>
        <source>Add to &amp;basket</source>
        <translation>バスケットに追加(&amp;B)</translation>
    </message>
    <message>
        <source>Remove from basket</source>
        <translation>バスケットから削除</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>ブックマーク(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Edit note</source>
        <translation>ノートを編集(&amp;E)</translation>
    </message>
    <message>
        <source>Show basket, bookmarks and notes</source>
        <translation>バスケット・ブックマーク・ノートを表示</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>バスケット</translation>
    </message>
    <message>
        <source>E&amp;xport notes…</source>
        <translation>ノートを書き出す(&amp;X)…</translation>
    </message>
    <message>
        <source>Connect to &amp;team…</source>
        <translation>チームに接続(&amp;T)…</translation>
    </message>
    <message>
        <source>Share notes with a team through a PostgreSQL server (or go back to notes on this computer)</source>
        <translation>PostgreSQL サーバーを通じてチームとノートを共有（またはこのコンピューター上のノートに戻す）</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Forum Atlas</source>
        <translation>Forum Atlas について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>文字を大きく(&amp;L)</translation>
    </message>
    <message>
        <source>Make the text of the detail pane, tree and note larger</source>
        <translation>詳細ペイン、ツリー、ノートの文字を大きくする</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>文字を小さく(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>標準の文字サイズ(&amp;N)</translation>
    </message>
    <message>
        <source>Show timeline &amp;legend</source>
        <translation>年表の凡例を表示(&amp;L)</translation>
    </message>
    <message>
        <source>Show on &amp;timeline</source>
        <translation>年表で表示(&amp;T)</translation>
    </message>
    <message>
        <source>Bring the selected record into view on the timeline</source>
        <translation>選択したレコードを年表上に表示する</translation>
    </message>
    <message>
        <source>&amp;Search syntax</source>
        <translation>検索の書き方(&amp;S)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上へ移動(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下へ移動(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>ツールバー</translation>
    </message>
    <message>
        <source>Basket list</source>
        <translation>バスケット一覧</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>システムに合わせる(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
</context>
<context>
    <name>AnalystNote</name>
    <message>
        <source>… and {n} more characters, not shown here: the note editor holds the whole note.</source>
        <translation>…ほか {n} 文字はここに表示していません。ノート全文はノートエディタにあります。</translation>
    </message>
    <message>
        <source>Analyst’s note</source>
        <translation>アナリストのノート</translation>
    </message>
    <message>
        <source>(your own words, not from the paper)</source>
        <translation>（あなた自身の記述。論文からの引用ではありません）</translation>
    </message>
    <message>
        <source>({author}, {when} UTC; a team member&apos;s note, not from the paper)</source>
        <translation>（{author}、{when} UTC。チームメンバーのノート。論文からの引用ではありません）</translation>
    </message>
</context>
<context>
    <name>AsOfControl</name>
    <message>
        <source>As of (year and month)</source>
        <translation>時点（年月）</translation>
    </message>
    <message>
        <source>Show the atlas as it stood at this month (YYYY-MM); Up and Down step a month</source>
        <translation>この年月時点のアトラスを表示（YYYY-MM）。↑↓キーで 1 か月ずつ移動</translation>
    </message>
    <message>
        <source>Paper’s date</source>
        <translation>論文の時点</translation>
    </message>
    <message>
        <source>Back to the paper&apos;s own moment, June 1999</source>
        <translation>論文の時点（1999年6月）に戻る</translation>
    </message>
    <message>
        <source>As-of date message</source>
        <translation>時点に関するメッセージ</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>時点</translation>
    </message>
    <message>
        <source>“{text}” is not a month: type it as YYYY-MM, e.g. 1993-06.</source>
        <translation>「{text}」は年月ではありません。YYYY-MM 形式で入力してください（例: 1993-06）。</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <source>Records for the briefing pack, in order. Add with Ctrl+B or the tree’s right-click menu; drag or use the buttons to reorder.</source>
        <translation>ブリーフィング資料に入れるレコード（この順）。Ctrl+B またはツリーの右クリックメニューで追加し、ドラッグかボタンで並べ替えます。</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>バスケット</translation>
    </message>
    <message>
        <source>Records you bookmarked with the star (Ctrl+D).</source>
        <translation>星印（Ctrl+D）でブックマークしたレコード。</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>星印</translation>
    </message>
    <message>
        <source>Every note you wrote. A note whose record is no longer in the atlas is kept and marked orphaned.</source>
        <translation>これまでに書いたすべてのノート。レコードがアトラスから消えたノートも「孤立」として残します。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ノート</translation>
    </message>
    <message>
        <source>Open basket</source>
        <translation>開いているバスケット</translation>
    </message>
    <message>
        <source>New basket…</source>
        <translation>新しいバスケット…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Share with the team</source>
        <translation>チームと共有</translation>
    </message>
    <message>
        <source>Make private</source>
        <translation>非公開にする</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Baskets</source>
        <translation>バスケット</translation>
    </message>
    <message>
        <source>No basket yet: Ctrl+B makes one</source>
        <translation>バスケットはまだありません（Ctrl+B で作成）</translation>
    </message>
    <message>
        <source>Basket ({n})</source>
        <translation>バスケット ({n})</translation>
    </message>
    <message>
        <source>Starred ({n})</source>
        <translation>星印 ({n})</translation>
    </message>
    <message>
        <source>orphaned: no longer in the atlas</source>
        <translation>孤立: アトラスにもう存在しません</translation>
    </message>
    <message>
        <source>Notes ({n})</source>
        <translation>ノート ({n})</translation>
    </message>
    <message>
        <source>not in the atlas</source>
        <translation>アトラスにありません</translation>
    </message>
</context>
<context>
    <name>ChronologyModel</name>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加主体</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>ChronologyView</name>
    <message>
        <source>Filter events…</source>
        <translation>出来事を絞り込む…</translation>
    </message>
    <message>
        <source>Filter the chronology</source>
        <translation>年譜を絞り込む</translation>
    </message>
    <message>
        <source>Chronology of events</source>
        <translation>出来事の年譜</translation>
    </message>
    <message>
        <source>Every event on the timeline, one a row: date, forum, participants, kind and title. Enter selects the event.</source>
        <translation>タイムライン上のすべての出来事を 1 行ずつ表示します（日付、フォーラム、参加主体、種類、名称）。Enter で出来事を選択します。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV で書き出す…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>{shown} of {total} events</source>
        <translation>出来事 {total} 件中 {shown} 件</translation>
    </message>
    <message>
        <source>the words “{words}” (clear the filter box)</source>
        <translation>語句「{words}」（絞り込み欄を空にする）</translation>
    </message>
    <message>
        <source>the date range brushed on the timeline (View › Clear date range)</source>
        <translation>タイムラインで選んだ期間（表示 › 期間の選択を解除）</translation>
    </message>
    <message>
        <source>the forum list&apos;s participant or text filter (clear it beside the tree)</source>
        <translation>フォーラム一覧の参加主体・語句の絞り込み（一覧の横で解除）</translation>
    </message>
    <message>
        <source>No events match.
The chronology is narrowed by {reasons}.
Widen one of these to see more.</source>
        <translation>該当する出来事はありません。
年譜は次の条件で絞り込まれています: {reasons}。
いずれかを緩めると表示が増えます。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Chronology ({count} events)</source>
        <translation>年譜（出来事 {count} 件）</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>Each author&apos;s judgement</source>
        <translation>各著者の評価</translation>
    </message>
    <message>
        <source>Who takes part (roles)</source>
        <translation>参加主体（役割）</translation>
    </message>
    <message>
        <source>Forums (roles)</source>
        <translation>フォーラム（役割）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>トラック</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>設立</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Status in 1999</source>
        <translation>1999年の状況</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>異論</translation>
    </message>
    <message>
        <source>Forums</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>not dated</source>
        <translation>日付不明</translation>
    </message>
    <message>
        <source>— not recorded</source>
        <translation>— 記載なし</translation>
    </message>
    <message>
        <source>{count}, on its page</source>
        <translation>{count} 件（各ページに記載）</translation>
    </message>
    <message>
        <source>{row}, {column}: {value} (differs)</source>
        <translation>{row}、{column}: {value}（相違あり）</translation>
    </message>
    <message>
        <source>{row}, {column}: {value}</source>
        <translation>{row}、{column}: {value}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>CompareSheet</name>
    <message>
        <source>Key facts</source>
        <translation>基本事項</translation>
    </message>
    <message>
        <source>Each author’s judgement</source>
        <translation>各著者の評価</translation>
    </message>
    <message>
        <source>Who takes part (roles)</source>
        <translation>参加主体（役割）</translation>
    </message>
    <message>
        <source>Forums (roles)</source>
        <translation>フォーラム（役割）</translation>
    </message>
    <message>
        <source>{names} and {last} compared</source>
        <translation>{names} と {last} の比較</translation>
    </message>
    <message>
        <source>1 point, in the atlas</source>
        <translation>1 点（アトラスに収録）</translation>
    </message>
    <message>
        <source>{count} points, in the atlas</source>
        <translation>{count} 点（アトラスに収録）</translation>
    </message>
    <message>
        <source>As the paper has them, mid-1999. {differs}&#x2009;and shading: the rows where they differ; &lt;i&gt;— not recorded&lt;/i&gt;: the paper does not place that participant there.</source>
        <translation>論文の記述による 1999年半ばの状況。{differs}&#x2009;と網掛け：相違のある行。&lt;i&gt;— 記載なし&lt;/i&gt;：論文はその参加主体をそこに位置づけていない。</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV で書き出す…</translation>
    </message>
    <message>
        <source>Export sheet…</source>
        <translation>シートを書き出す…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Nothing to compare yet.</source>
        <translation>比較するものはまだありません。</translation>
    </message>
    <message>
        <source>Put two to four forums (or participants) in the basket (Ctrl+B), select one of them or another, then choose View › Compare selection with basket (Ctrl+Shift+M).</source>
        <translation>フォーラム（または参加主体）を 2～4 件バスケットに入れ（Ctrl+B）、そのいずれか、または別のものを選択して、表示 › 選択項目をバスケットと比較（Ctrl+Shift+M）を選んでください。</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Only the rows that differ</source>
        <translation>相違のある行のみ</translation>
    </message>
    <message>
        <source>Compare needs {min} to {max} forums or participants; {count} given.</source>
        <translation>比較には {min}～{max} 件のフォーラムまたは参加主体が必要です（指定は {count} 件）。</translation>
    </message>
    <message>
        <source>Compare forums with forums, or participants with participants, not a mixture.</source>
        <translation>フォーラムはフォーラム同士、参加主体は参加主体同士で比較してください（混在は不可）。</translation>
    </message>
    <message>
        <source>Comparison of {names} and {last}</source>
        <translation>{names}、{last} の比較</translation>
    </message>
    <message>
        <source>PDF, A4 (*.pdf)</source>
        <translation>PDF、A4 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF, US Letter (*.pdf)</source>
        <translation>PDF、US レター (*.pdf)</translation>
    </message>
    <message>
        <source>Export the comparison as a sheet</source>
        <translation>比較をシートとして書き出す</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>The details were written to:
{path}</source>
        <translation>詳細は次のファイルに書き込みました:
{path}</translation>
    </message>
    <message>
        <source>The details could not be written to the log, so they were printed on the terminal.</source>
        <translation>詳細をログに書き込めなかったため、端末に出力しました。</translation>
    </message>
    <message>
        <source>Forum Atlas: unexpected error</source>
        <translation>Forum Atlas: 予期しないエラー</translation>
    </message>
    <message>
        <source>Forum Atlas ran into an unexpected error; what you were doing may not have finished. Your notes are saved as you type.</source>
        <translation>Forum Atlas で予期しないエラーが発生しました。実行中の操作は完了していない可能性があります。ノートは入力と同時に保存されています。</translation>
    </message>
    <message>
        <source>Please send that file with a bug report.</source>
        <translation>不具合報告にそのファイルを添えてお送りください。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Record details</source>
        <translation>レコードの詳細</translation>
    </message>
    <message>
        <source>The selected forum, participant, person or event, with its sources</source>
        <translation>選択したフォーラム、参加主体、人物、出来事とその出典</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>何も選択されていません</translation>
    </message>
    <message>
        <source>Pick a forum in the tree or the timeline, or press Ctrl+K to jump to any forum, participant or event.</source>
        <translation>ツリーか年表でフォーラムを選ぶか、Ctrl+K でフォーラム・参加主体・出来事へ移動します。</translation>
    </message>
    <message>
        <source>No such record</source>
        <translation>該当するレコードがありません</translation>
    </message>
    <message>
        <source>Nothing in the atlas has the id “{id}”.</source>
        <translation>ID「{id}」のレコードはアトラスにありません。</translation>
    </message>
</context>
<context>
    <name>DocumentExport</name>
    <message>
        <source>OpenDocument text, for word processors (*.odt)</source>
        <translation>OpenDocument テキスト、ワープロ用 (*.odt)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Cannot write {target}: {why}.</source>
        <translation>{target} を書き込めません: {why}。</translation>
    </message>
    <message>
        <source>1 event marked, {years}, as listed under Events</source>
        <translation>出来事 1 件を表示、{years}（「出来事」欄に記載）</translation>
    </message>
    <message>
        <source>{n} events marked, {years}, as listed under Events</source>
        <translation>出来事 {n} 件を表示、{years}（「出来事」欄に記載）</translation>
    </message>
    <message>
        <source>Timeline: {what}</source>
        <translation>年表：{what}</translation>
    </message>
    <message>
        <source>Briefing pack</source>
        <translation>ブリーフィング資料</translation>
    </message>
    <message>
        <source>This section is in the PDF only.</source>
        <translation>この部分は PDF にのみ収録されています。</translation>
    </message>
    <message>
        <source>The picture is in the PDF, ODT and HTML versions.</source>
        <translation>図は PDF、ODT、HTML 版にあります。</translation>
    </message>
    <message>
        <source>The timeline is drawn in the PDF, ODT and HTML versions.</source>
        <translation>年表は PDF、ODT、HTML 版に描かれています。</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
    <message>
        <source>Export fact sheet as a document</source>
        <translation>ファクトシートを文書として書き出す</translation>
    </message>
    <message>
        <source>Export briefing pack as a document</source>
        <translation>ブリーフィング資料を文書として書き出す</translation>
    </message>
</context>
<context>
    <name>ForumTree</name>
    <message>
        <source>Forum</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>略称</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>設立</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source> (its founding is uncertain at the as-of date)</source>
        <translation>（指定時点での設立は不確か）</translation>
    </message>
</context>
<context>
    <name>ForumTreePane</name>
    <message>
        <source>Group the forums by</source>
        <translation>フォーラムの分類方法</translation>
    </message>
    <message>
        <source>Show only the forums of one participant</source>
        <translation>ひとつの参加主体のフォーラムだけを表示</translation>
    </message>
    <message>
        <source>Filter forums…</source>
        <translation>フォーラムを絞り込む…</translation>
    </message>
    <message>
        <source>No forums match.
Clear the filter or pick “All participants”.</source>
        <translation>該当するフォーラムはありません。
絞り込みを解除するか「すべての参加主体」を選んでください。</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>All participants</source>
        <translation>すべての参加主体</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Forum Atlas — opening…</source>
        <translation>Forum Atlas — 起動中…</translation>
    </message>
    <message>
        <source>Opening through the read API: {why}</source>
        <translation>読み取り API 経由で開いています: {why}</translation>
    </message>
    <message>
        <source>The atlas cannot open its data</source>
        <translation>アトラスのデータを開けません</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} を開いています…</translation>
    </message>
    <message>
        <source>Its page shows as soon as the atlas has opened its data, in a moment.</source>
        <translation>データを開き終えしだい、まもなく表示されます。</translation>
    </message>
    <message>
        <source>The passage opens once the atlas has opened its data, in a moment.</source>
        <translation>アトラスがデータを開くと、この箇所が開きます。しばらくお待ちください。</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>no role</source>
        <translation>役割なし</translation>
    </message>
    <message>
        <source>{participant} in {forum}: {role}</source>
        <translation>{forum} における {participant}: {role}</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>日付不明</translation>
    </message>
    <message>
        <source>{name}, founded {date} (founding date uncertain at this date)</source>
        <translation>{name}、{date} 設立（この時点での設立は不確か）</translation>
    </message>
    <message>
        <source>{name}, founded {date}</source>
        <translation>{name}、{date} 設立</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Participants by name</source>
        <translation>参加主体: 名称順</translation>
    </message>
    <message>
        <source>Participants by number of forums</source>
        <translation>参加主体: フォーラム数順</translation>
    </message>
    <message>
        <source>Forums by name</source>
        <translation>フォーラム: 名称順</translation>
    </message>
    <message>
        <source>Forums by number of participants</source>
        <translation>フォーラム: 参加主体数順</translation>
    </message>
    <message>
        <source>Forums by founding date</source>
        <translation>フォーラム: 設立日順</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>トラック</translation>
    </message>
    <message>
        <source>All tracks</source>
        <translation>すべてのトラック</translation>
    </message>
    <message>
        <source>Kind of forum</source>
        <translation>フォーラムの種類</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Status in 1999</source>
        <translation>1999年の状況</translation>
    </message>
    <message>
        <source>Any status in 1999</source>
        <translation>すべての状況</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加主体</translation>
    </message>
    <message>
        <source>All participants</source>
        <translation>すべての参加主体</translation>
    </message>
    <message>
        <source>Show delegations</source>
        <translation>代表機関を表示</translation>
    </message>
    <message>
        <source>Also show the ministries, agencies and institutes that represent members</source>
        <translation>メンバーを代表する省庁・機関・研究所も表示します</translation>
    </message>
    <message>
        <source>Sort participants by</source>
        <translation>参加主体の並べ順</translation>
    </message>
    <message>
        <source>Sort forums by</source>
        <translation>フォーラムの並べ順</translation>
    </message>
    <message>
        <source>Membership matrix</source>
        <translation>参加マトリクス</translation>
    </message>
    <message>
        <source>Show the whole matrix</source>
        <translation>マトリクス全体を表示</translation>
    </message>
    <message>
        <source>The membership in the chosen cell</source>
        <translation>選択したセルの参加関係</translation>
    </message>
    <message>
        <source>Click a cell to see that membership: role, dates, delegation, citations.</source>
        <translation>セルをクリックすると、その参加関係（役割、期間、代表機関、出典）を表示します。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV で書き出す…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG で書き出す…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>SVG で書き出す…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>The {count} {forum} members</source>
        <translation>{forum} のメンバー {count} か国・機関</translation>
    </message>
    <message>
        <source>{participants} participants × {forums} forums</source>
        <translation>参加主体 {participants} × フォーラム {forums}</translation>
    </message>
    <message>
        <source>represents a member (delegation)</source>
        <translation>メンバーを代表（代表機関）</translation>
    </message>
    <message>
        <source>date uncertain at {date}</source>
        <translation>{date} 時点では日付不確か</translation>
    </message>
    <message>
        <source>Legend: {symbols}</source>
        <translation>凡例: {symbols}</translation>
    </message>
    <message>
        <source>{control} “{value}” (choose “{everything}”)</source>
        <translation>{control}「{value}」（「{everything}」を選ぶ）</translation>
    </message>
    <message>
        <source>the forum list&apos;s participant or text filter (clear it beside the tree)</source>
        <translation>フォーラム一覧の参加主体・語句の絞り込み（一覧の横で解除）</translation>
    </message>
    <message>
        <source>the date {date} (choose a later month)</source>
        <translation>時点 {date}（より後の月を選ぶ）</translation>
    </message>
    <message>
        <source>Figure {number}&apos;s forums (Show the whole matrix)</source>
        <translation>図 {number} のフォーラム（マトリクス全体を表示）</translation>
    </message>
    <message>
        <source>No memberships match.
The matrix is narrowed by {reasons}.
Widen one of these to see more.</source>
        <translation>該当する参加関係はありません。
マトリクスは次の条件で絞り込まれています: {reasons}。
いずれかを緩めると表示が増えます。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>&lt;b&gt;{participant}&lt;/b&gt; has no role in &lt;b&gt;{forum}&lt;/b&gt; here.</source>
        <translation>&lt;b&gt;{participant}&lt;/b&gt; はここでは &lt;b&gt;{forum}&lt;/b&gt; に役割を持ちません。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{participant}&lt;/b&gt; in &lt;b&gt;{forum}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{forum}&lt;/b&gt; における &lt;b&gt;{participant}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>represents {member} ({role})</source>
        <translation>{member} を代表（{role}）</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>{date} から</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>{date} まで</translation>
    </message>
    <message>
        <source>; delegation: {members}</source>
        <translation>。代表機関: {members}</translation>
    </message>
    <message>
        <source>In force only perhaps at this date: its start is not dated closely enough.</source>
        <translation>この時点で有効だった可能性があるのみです（開始時期が十分に特定されていません）。</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参加主体</translation>
    </message>
    <message>
        <source>Figure {number} (reconstruction): {caption}</source>
        <translation>図 {number}（復元）: {caption}</translation>
    </message>
    <message>
        <source>Membership matrix, as of {date} ({participants} participants, {forums} forums)</source>
        <translation>参加マトリクス、{date} 時点（参加主体 {participants}、フォーラム {forums}）</translation>
    </message>
</context>
<context>
    <name>MatrixWords</name>
    <message>
        <source>represents {member}</source>
        <translation>{member} を代表</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>{date}から</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>{date}まで</translation>
    </message>
    <message>
        <source>date uncertain</source>
        <translation>日付不確か</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>ノート(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Citation style</source>
        <translation>引用スタイル</translation>
    </message>
    <message>
        <source>Group forums by</source>
        <translation>フォーラムの分類</translation>
    </message>
    <message>
        <source>Show view</source>
        <translation>ビューを表示</translation>
    </message>
    <message>
        <source>Figures of the paper</source>
        <translation>論文の図</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語 (Language)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Your note</source>
        <translation>あなたのノート</translation>
    </message>
    <message>
        <source>your own words — not from the paper</source>
        <translation>あなた自身の記述 — 論文からの引用ではありません</translation>
    </message>
    <message>
        <source>Bookmark this record (Ctrl+D)</source>
        <translation>このレコードをブックマーク (Ctrl+D)</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>ブックマーク</translation>
    </message>
    <message>
        <source>Add to basket</source>
        <translation>バスケットに追加</translation>
    </message>
    <message>
        <source>Add this record to the briefing basket (Ctrl+B)</source>
        <translation>このレコードをブリーフィング用バスケットに追加 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Your note: saved as you type, shown boxed in the detail pane. **bold**, *italic*, - for a list.</source>
        <translation>ノート: 入力と同時に保存され、詳細ペインに枠付きで表示されます。**太字**、*斜体*、- で箇条書き。</translation>
    </message>
    <message>
        <source>In the basket</source>
        <translation>バスケットに追加済み</translation>
    </message>
    <message>
        <source>Already in the briefing basket (remove it there)</source>
        <translation>すでにブリーフィング用バスケットにあります（削除はバスケットで）</translation>
    </message>
    <message>
        <source>Remove the bookmark (Ctrl+D)</source>
        <translation>ブックマークを外す (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>NotesMessages</name>
    <message>
        <source>Your notes file {path} is a link to {real}, which is missing (is its drive connected?). Nothing was created in its place, and notes are switched off until it is back; browsing works as usual.</source>
        <translation>ノートファイル {path} は {real} へのリンクですが、リンク先が見つかりません（ドライブは接続されていますか？）。代わりのファイルは作らず、リンク先が戻るまでノートは使えません。閲覧はこれまでどおりできます。</translation>
    </message>
    <message>
        <source>Forum Atlas could not open your notes at {path} ({error}). Notes, bookmarks and the basket are switched off for now; browsing works as usual.</source>
        <translation>{path} のノートを開けませんでした（{error}）。ノート・ブックマーク・バスケットは当面使えません。閲覧はこれまでどおりできます。</translation>
    </message>
    <message>
        <source>Forum Atlas cannot write to its data folder {folder} ({error}), so notes, bookmarks and the basket cannot be saved. Browsing works as usual.</source>
        <translation>データフォルダ {folder} に書き込めないため（{error}）、ノート・ブックマーク・バスケットを保存できません。閲覧はこれまでどおりできます。</translation>
    </message>
    <message>
        <source>Forum Atlas cannot write to its data folder {folder} ({error}), so notes, bookmarks and the basket cannot be saved. Browsing works as usual. Your existing notes are shown read-only.</source>
        <translation>データフォルダ {folder} に書き込めないため（{error}）、ノート・ブックマーク・バスケットを保存できません。閲覧はこれまでどおりできます。既存のノートは読み取り専用で表示しています。</translation>
    </message>
    <message>
        <source>Forum Atlas cannot write to its data folder {folder} ({error}), so notes, bookmarks and the basket cannot be saved. Browsing works as usual. Notes are switched off.</source>
        <translation>データフォルダ {folder} に書き込めないため（{error}）、ノート・ブックマーク・バスケットを保存できません。閲覧はこれまでどおりできます。ノートは使えません。</translation>
    </message>
    <message>
        <source>The folder of your notes, {folder}, does not support file locking ({error}; a network drive without its lock service, perhaps), so Forum Atlas cannot make sure that only one window changes your notes. Notes are read-only here.</source>
        <translation>ノートのフォルダ {folder} はファイルロックに対応していないため（{error}。ロックサービスのないネットワークドライブかもしれません）、ノートを変更するウィンドウを一つに限ることができません。このウィンドウではノートは読み取り専用です。</translation>
    </message>
    <message>
        <source>The folder of your notes, {folder}, does not support file locking ({error}; a network drive without its lock service, perhaps), so Forum Atlas cannot make sure that only one window changes your notes. Your notes are shown read-only; to edit them, keep your notes on a local disk (set XDG_DATA_HOME) or ask for file locking on that drive.</source>
        <translation>ノートのフォルダ {folder} はファイルロックに対応していないため（{error}。ロックサービスのないネットワークドライブかもしれません）、ノートを変更するウィンドウを一つに限ることができません。ノートは読み取り専用で表示しています。編集するには、ノートをローカルディスクに置くか（XDG_DATA_HOME を設定）、そのドライブでファイルロックを使えるようにしてください。</translation>
    </message>
    <message>
        <source>The folder of your notes, {folder}, does not support file locking ({error}; a network drive without its lock service, perhaps), so Forum Atlas cannot make sure that only one window changes your notes. Notes are switched off; browsing works as usual.</source>
        <translation>ノートのフォルダ {folder} はファイルロックに対応していないため（{error}。ロックサービスのないネットワークドライブかもしれません）、ノートを変更するウィンドウを一つに限ることができません。ノートは使えません。閲覧はこれまでどおりできます。</translation>
    </message>
    <message>
        <source>Your notes file {path} was written by a newer version of Forum Atlas (notes format {version}; this version reads up to {supported}). It was left untouched and notes are switched off. Open it with the newer version, or move it aside to start a new notes file.</source>
        <translation>ノートファイル {path} は新しいバージョンの Forum Atlas で書かれています（ノート形式 {version}。このバージョンが読めるのは {supported} までです）。ファイルには手を付けず、ノートは使えません。新しいバージョンで開くか、ファイルを別の場所に移して新しいノートファイルを始めてください。</translation>
    </message>
    <message>
        <source>Another Forum Atlas window is opening your notes; this window cannot read them yet. Browsing works as usual.</source>
        <translation>別の Forum Atlas ウィンドウがノートを開いている途中のため、このウィンドウではまだ読めません。閲覧はこれまでどおりできます。</translation>
    </message>
    <message>
        <source>Another Forum Atlas window (process {process}) is opening your notes; this window cannot read them yet. Browsing works as usual.</source>
        <translation>別の Forum Atlas ウィンドウ（プロセス {process}）がノートを開いている途中のため、このウィンドウではまだ読めません。閲覧はこれまでどおりできます。</translation>
    </message>
    <message>
        <source>Another Forum Atlas window has your notes open, so this window shows them read-only. To edit notes here, close the other window and reopen this one.</source>
        <translation>別の Forum Atlas ウィンドウがノートを開いているため、このウィンドウでは読み取り専用で表示しています。ここで編集するには、もう一方のウィンドウを閉じてから、このウィンドウを開き直してください。</translation>
    </message>
    <message>
        <source>Another Forum Atlas window (process {process}) has your notes open, so this window shows them read-only. To edit notes here, close the other window and reopen this one.</source>
        <translation>別の Forum Atlas ウィンドウ（プロセス {process}）がノートを開いているため、このウィンドウでは読み取り専用で表示しています。ここで編集するには、もう一方のウィンドウを閉じてから、このウィンドウを開き直してください。</translation>
    </message>
    <message>
        <source>No notes file was found, so a new one was started at {path}. Backups of earlier notes are in {backups}.</source>
        <translation>ノートファイルが見つからなかったため、{path} に新しいファイルを作りました。以前のノートのバックアップは {backups} にあります。</translation>
    </message>
    <message>
        <source>Forum Atlas could not upgrade your notes file {path} from version {now_at} to {target} ({error}). It was left as it was. Notes are switched off for now.</source>
        <translation>ノートファイル {path} をバージョン {now_at} から {target} に更新できませんでした（{error}）。ファイルは元のままです。ノートは当面使えません。</translation>
    </message>
    <message>
        <source>Forum Atlas could not upgrade your notes file {path} from version {now_at} to {target} ({error}). It was upgraded to version {now_at}, but the next step failed; the backup of it as it was before is in {backups}. Notes are switched off for now.</source>
        <translation>ノートファイル {path} をバージョン {now_at} から {target} に更新できませんでした（{error}）。バージョン {now_at} までは更新しましたが、次の段階で失敗しました。更新前のバックアップは {backups} にあります。ノートは当面使えません。</translation>
    </message>
    <message>
        <source>The lock file of your notes ({lock}) was removed, and another Forum Atlas process now holds your notes. This window no longer saves, so that neither overwrites the other; your unsaved text is kept in this window.</source>
        <translation>ノートのロックファイル（{lock}）が削除され、別の Forum Atlas プロセスがノートを使っています。互いに上書きしないよう、このウィンドウでは保存をやめました。保存していないテキストはこのウィンドウに残っています。</translation>
    </message>
    <message>
        <source>The lock file of your notes ({lock}) was removed, and another Forum Atlas process now holds your notes ({error}). This window no longer saves, so that neither overwrites the other; your unsaved text is kept in this window.</source>
        <translation>ノートのロックファイル（{lock}）が削除され、別の Forum Atlas プロセスがノートを使っています（{error}）。互いに上書きしないよう、このウィンドウでは保存をやめました。保存していないテキストはこのウィンドウに残っています。</translation>
    </message>
    <message>
        <source>Your notes file {path} was moved, deleted or replaced while Forum Atlas had it open, so this window stopped saving rather than write into a file nobody would read. Your unsaved text is kept in this window; reopen Forum Atlas to go on.</source>
        <translation>Forum Atlas が開いている間にノートファイル {path} が移動・削除・置き換えされたため、誰も読まないファイルに書き込まないよう、このウィンドウでは保存をやめました。保存していないテキストはこのウィンドウに残っています。続けるには Forum Atlas を開き直してください。</translation>
    </message>
    <message>
        <source>Your notes file was damaged ({damage}). It was moved aside as {aside}, and your notes were restored from the backup taken {taken} ({backup}). Changes made after that backup are not in the restored notes.</source>
        <translation>ノートファイルが壊れていました（{damage}）。{aside} として別に保存し、{taken} のバックアップ（{backup}）からノートを復元しました。そのバックアップより後の変更は、復元したノートには含まれていません。</translation>
    </message>
    <message>
        <source>Your notes file was damaged ({damage}). It was moved aside as {aside}, and your notes were restored from the backup taken {taken} ({backup}), whose newest note was saved {newest}. Changes made after that backup are not in the restored notes.</source>
        <translation>ノートファイルが壊れていました（{damage}）。{aside} として別に保存し、{taken} のバックアップ（{backup}。最も新しいノートの保存は {newest}）からノートを復元しました。そのバックアップより後の変更は、復元したノートには含まれていません。</translation>
    </message>
    <message>
        <source>Your notes file was damaged ({damage}) and there was no good backup to restore, so a new, empty notes file was started. The damaged file was kept as {aside}.</source>
        <translation>ノートファイルが壊れており（{damage}）、復元できる正常なバックアップもなかったため、新しい空のノートファイルを作りました。壊れたファイルは {aside} として残してあります。</translation>
    </message>
    <message>
        <source>Forum Atlas could not write a backup of your notes to {folder} ({error}). Your notes themselves are saved.</source>
        <translation>ノートのバックアップを {folder} に書き込めませんでした（{error}）。ノートそのものは保存されています。</translation>
    </message>
    <message>
        <source>Your role {role} may read the team&apos;s notes but not change them, so the server refused this change. Your text is kept on this computer as a draft.</source>
        <translation>あなたの役割 {role} ではチームのノートを読めますが変更はできないため、サーバーはこの変更を受け付けませんでした。テキストはこのコンピューターに下書きとして残っています。</translation>
    </message>
    <message>
        <source>Your role {role} may see the team&apos;s bookmarks and baskets but not change them, so the server refused this change.</source>
        <translation>あなたの役割 {role} ではチームのブックマークとバスケットを見られますが変更はできないため、サーバーはこの変更を受け付けませんでした。</translation>
    </message>
    <message>
        <source>Notes are not open.</source>
        <translation>ノートは開かれていません。</translation>
    </message>
    <message>
        <source>Notes are read-only.</source>
        <translation>ノートは読み取り専用です。</translation>
    </message>
    <message>
        <source>Notes are closed.</source>
        <translation>ノートは閉じられています。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>another program has the file busy</source>
        <translation>別のプログラムがファイルを使用中です</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>ファイルまたはそのフォルダが読み取り専用です</translation>
    </message>
    <message>
        <source>the file cannot be opened (permissions, or a missing or read-only location)</source>
        <translation>ファイルを開けません（権限がないか、場所が存在しないか読み取り専用です）</translation>
    </message>
</context>
<context>
    <name>OutputActions</name>
    <message>
        <source>RIS, for Zotero, EndNote, Mendeley (*.ris)</source>
        <translation>RIS、Zotero・EndNote・Mendeley 用 (*.ris)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>CSL-JSON (*.json)</source>
        <translation>CSL-JSON (*.json)</translation>
    </message>
    <message>
        <source>Select a record that cites the paper to copy its citation.</source>
        <translation>引用をコピーするには、論文を出典とするレコードを選択してください。</translation>
    </message>
    <message>
        <source>Citation copied ({style})</source>
        <translation>引用をコピーしました（{style}）</translation>
    </message>
    <message>
        <source>Citation of the passage copied ({style})</source>
        <translation>この箇所の引用をコピーしました（{style}）</translation>
    </message>
    <message>
        <source>No citation</source>
        <translation>引用なし</translation>
    </message>
    <message>
        <source>Forum Atlas cannot format the citation: {why}</source>
        <translation>Forum Atlas は引用を整形できません: {why}</translation>
    </message>
    <message>
        <source>Select a record to copy it.</source>
        <translation>コピーするレコードを選択してください。</translation>
    </message>
    <message>
        <source>{name} copied as Markdown</source>
        <translation>{name} を Markdown としてコピーしました</translation>
    </message>
    <message>
        <source>{name} copied as text</source>
        <translation>{name} をテキストとしてコピーしました</translation>
    </message>
    <message>
        <source>Export references to the paper</source>
        <translation>論文の書誌情報を書き出す</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
    <message>
        <source>Not written: {path}: {why}</source>
        <translation>書き込まれていません: {path}: {why}</translation>
    </message>
    <message>
        <source>The file already there was left as it was.</source>
        <translation>既存のファイルはそのまま残しています。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>何も書き込まれていません。</translation>
    </message>
    <message>
        <source>Could not write the file</source>
        <translation>ファイルを書き込めませんでした</translation>
    </message>
    <message>
        <source>Forum Atlas could not write {path}: {why}.</source>
        <translation>Forum Atlas は {path} を書き込めませんでした: {why}。</translation>
    </message>
</context>
<context>
    <name>PaneFocus</name>
    <message>
        <source>Selected: {name}</source>
        <translation>選択中: {name}</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>何も選択されていません</translation>
    </message>
    <message>
        <source>. The detail pane lists the same events as text.</source>
        <translation>。詳細ペインに同じ出来事がテキストで一覧されています。</translation>
    </message>
    <message>
        <source>Forums</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>Basket, bookmarks and notes</source>
        <translation>バスケット・ブックマーク・ノート</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>バスケット</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>ブックマーク</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ノート</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>一覧</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Fact sheet: {name}</source>
        <translation>ファクトシート: {name}</translation>
    </message>
    <message>
        <source>PDF, US Letter (*.pdf)</source>
        <translation>PDF、US レター (*.pdf)</translation>
    </message>
    <message>
        <source>PDF, A4 (*.pdf)</source>
        <translation>PDF、A4 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF was not written: {why}</source>
        <translation>PDF は書き出されませんでした: {why}</translation>
    </message>
    <message>
        <source>Could not write the PDF</source>
        <translation>PDF を書き出せませんでした</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
    <message>
        <source>Export fact sheet as PDF</source>
        <translation>ファクトシートを PDF で書き出す</translation>
    </message>
    <message>
        <source>Sources appendix</source>
        <translation>出典付録</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>年表</translation>
    </message>
    <message>
        <source>Membership matrix</source>
        <translation>参加マトリクス</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>年譜</translation>
    </message>
    <message>
        <source>My notes on the sheets</source>
        <translation>シートに自分のノートを載せる</translation>
    </message>
    <message>
        <source>Briefing pack of {what}</source>
        <translation>ブリーフィング資料（{what}）</translation>
    </message>
    <message>
        <source>Briefing pack</source>
        <translation>ブリーフィング資料</translation>
    </message>
    <message>
        <source>your name or office (optional)</source>
        <translation>氏名または部署（任意）</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US レター</translation>
    </message>
    <message>
        <source> page(s) per sheet</source>
        <translation> ページ／シート</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF を保存…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>プレビュー…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>シート</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>含める項目</translation>
    </message>
    <message>
        <source>The pack will hold: {sections}.</source>
        <translation>資料の内容: {sections}。</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> ほか {n} 件</translation>
    </message>
    <message>
        <source>Left out, no longer in the atlas: {ids}.</source>
        <translation>アトラスにもうないため除外: {ids}。</translation>
    </message>
    <message>
        <source>The basket is empty</source>
        <translation>バスケットが空です</translation>
    </message>
    <message>
        <source>Add forums, participants or events to the basket (Ctrl+B, or the tree&apos;s context menu), then make the pack.</source>
        <translation>フォーラム、参加主体、出来事をバスケットに追加してから（Ctrl+B またはツリーの右クリックメニュー）資料を作成してください。</translation>
    </message>
    <message>
        <source>The pack cannot be made</source>
        <translation>資料を作成できません</translation>
    </message>
    <message>
        <source>Export briefing pack as PDF</source>
        <translation>ブリーフィング資料を PDF で書き出す</translation>
    </message>
    <message>
        <source>Briefing pack: {title}</source>
        <translation>ブリーフィング資料: {title}</translation>
    </message>
    <message>
        <source>Sent “{title}” to the printer</source>
        <translation>「{title}」をプリンターに送りました</translation>
    </message>
    <message>
        <source>Cannot write {target}: {why}.</source>
        <translation>{target} を書き込めません: {why}。</translation>
    </message>
    <message>
        <source>Cannot write {target}.</source>
        <translation>{target} を書き込めません。</translation>
    </message>
    <message>
        <source>the PDF could not be finished (is the disk full?)</source>
        <translation>PDF を完成できませんでした（ディスクがいっぱいではありませんか？）</translation>
    </message>
    <message>
        <source>Cannot write {target}: {problem}. The disk may be full; the old file was left as it was.</source>
        <translation>{target} を書き込めません: {problem}。ディスクがいっぱいかもしれません。以前のファイルはそのままです。</translation>
    </message>
    <message>
        <source>Cannot write {target}: {problem}. The disk may be full; nothing was written.</source>
        <translation>{target} を書き込めません: {problem}。ディスクがいっぱいかもしれません。何も書き込んでいません。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QuickOpen</name>
    <message>
        <source>Go to…</source>
        <translation>移動…</translation>
    </message>
    <message>
        <source>Type a forum, participant, person or event</source>
        <translation>フォーラム、参加主体、人物、出来事の名前を入力</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>候補</translation>
    </message>
    <message>
        <source>recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>No matches. Try fewer letters.</source>
        <translation>該当なし。文字数を減らしてみてください。</translation>
    </message>
</context>
<context>
    <name>ReadApiLoader</name>
    <message>
        <source>The atlas could not open its data: an unexpected error (see the crash log).</source>
        <translation>アトラスのデータを開けませんでした: 予期しないエラーです（クラッシュログを参照）。</translation>
    </message>
</context>
<context>
    <name>Record</name>
    <message>
        <source>and {n} more {what}; see the full list in Forum Atlas.</source>
        <translation>ほか {what} {n} 件。全件は Forum Atlas で確認できます。</translation>
    </message>
    <message>
        <source>event</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>events</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>judgement</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>judgements</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>参加主体</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>参加主体</translation>
    </message>
    <message>
        <source>forum</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>forums</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>line {n}</source>
        <translation>{n} 行目</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} events, those between {start} and {end} (the range brushed on the timeline; Escape there clears it).</source>
        <translation>出来事 {total} 件のうち {start}～{end} の {shown} 件を表示しています（年表で指定した期間。年表で Esc キーを押すと解除）。</translation>
    </message>
    <message>
        <source>Where the source disagrees with itself</source>
        <translation>原典内の食い違い</translation>
    </message>
    <message>
        <source>Also called</source>
        <translation>別名</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>トラック</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>設立</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>上位機関</translation>
    </message>
    <message>
        <source>Sub-bodies</source>
        <translation>下部機関</translation>
    </message>
    <message>
        <source>Founders</source>
        <translation>創設者</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>({names} staying away)</source>
        <translation>（{names} は不参加）</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>{n} recorded in the paper</source>
        <translation>論文に記録された {n} 回</translation>
    </message>
    <message>
        <source>Hosts, chairs</source>
        <translation>主催・議長</translation>
    </message>
    <message>
        <source>Related forums</source>
        <translation>関連フォーラム</translation>
    </message>
    <message>
        <source>represented by </source>
        <translation>代表: </translation>
    </message>
    <message>
        <source>About this record</source>
        <translation>このレコードについて</translation>
    </message>
    <message>
        <source>The curators’ notes on this record (how the paper was read), not the paper’s content:</source>
        <translation>このレコードに関する編集者のメモ（論文の読み方について）。論文の内容ではありません:</translation>
    </message>
    <message>
        <source>Judgement by {author}</source>
        <translation>{author} の評価</translation>
    </message>
    <message>
        <source>Disagreement</source>
        <translation>食い違い</translation>
    </message>
    <message>
        <source>What the authors say</source>
        <translation>著者の見解</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>議長</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加主体</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>正式名称</translation>
    </message>
    <message>
        <source>Takes part in</source>
        <translation>参加先</translation>
    </message>
    <message>
        <source>Absent or excluded</source>
        <translation>不参加・排除</translation>
    </message>
    <message>
        <source>Represents</source>
        <translation>代表する対象</translation>
    </message>
    <message>
        <source>Forums and roles</source>
        <translation>フォーラムと役割</translation>
    </message>
    <message>
        <source>The paper names no forum this participant takes part in.</source>
        <translation>この参加主体が参加するフォーラムは論文に記載がありません。</translation>
    </message>
    <message>
        <source>{n} {forums}</source>
        <translation>{forums} {n} 件</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>注: {note}</translation>
    </message>
    <message>
        <source>Japanese name</source>
        <translation>日本語名</translation>
    </message>
    <message>
        <source>(our translation, not from the paper)</source>
        <translation>（本アプリによる訳語。論文の記載ではありません）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Forums</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{year}年{month_number}月{day}日</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>{date}から</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>{date}まで</translation>
    </message>
    <message>
        <source>{n}th</source>
        <translation>第{n}回</translation>
    </message>
</context>
<context>
    <name>RecordText</name>
    <message>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
</context>
<context>
    <name>SearchHints</name>
    <message>
        <source>The search index is out of date: rebuild the database with `make db`.</source>
        <translation>検索インデックスが古くなっています。`make db` でデータベースを再構築してください。</translation>
    </message>
    <message>
        <source>Type a word, or a filter such as track:2 or member:kp.</source>
        <translation>語句、または track:2 や member:kp などのフィルターを入力してください。</translation>
    </message>
    <message>
        <source>No matches. Try fewer filters.</source>
        <translation>該当なし。フィルターを減らしてみてください。</translation>
    </message>
    <message>
        <source>No matches. Try fewer or shorter words.</source>
        <translation>該当なし。語句を減らすか短くしてみてください。</translation>
    </message>
    <message>
        <source>track: takes 1, 1.5, 2 or none (e.g. track:2).</source>
        <translation>track: には 1、1.5、2、none を指定します（例: track:2）。</translation>
    </message>
    <message>
        <source>status: takes active, defunct or proposed.</source>
        <translation>status: には active、defunct、proposed を指定します。</translation>
    </message>
    <message>
        <source>author: takes cossa, fukushima or preface.</source>
        <translation>author: には cossa、fukushima、preface を指定します。</translation>
    </message>
    <message>
        <source>year: takes a year (1994), a range (1993..1995) or a decade (1990s).</source>
        <translation>year: には年（1994）、範囲（1993..1995）、年代（1990s）を指定します。</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search the atlas (Ctrl+F or /)…</source>
        <translation>アトラスを検索（Ctrl+F または /）…</translation>
    </message>
    <message>
        <source>Words find names, aliases, places, summaries, claims and quotes.
Filters: track:2  member:kp  year:1993..1995  kind:proposal  author:fukushima  status:active</source>
        <translation>語句で名称・別名・場所・概要・見解・引用を検索します（日本語名も可）。
フィルター: track:2  member:kp  year:1993..1995  kind:proposal  author:fukushima  status:active</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>The atlas is not loaded yet.</source>
        <translation>アトラスはまだ読み込まれていません。</translation>
    </message>
    <message>
        <source>No matches: the search failed ({why}).</source>
        <translation>該当なし: 検索に失敗しました（{why}）。</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>該当なし。</translation>
    </message>
    <message>
        <source>{n} or more matches</source>
        <translation>{n} 件以上</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 件</translation>
    </message>
    <message>
        <source>{n} matches</source>
        <translation>{n} 件</translation>
    </message>
    <message>
        <source>your note</source>
        <translation>あなたのノート</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>あなたのノート</translation>
    </message>
    <message>
        <source>Team notes</source>
        <translation>チームのメモ</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Show more {kind}…</source>
        <translation>{kind}をさらに表示…</translation>
    </message>
    <message>
        <source>Track {track}</source>
        <translation>トラック{track}</translation>
    </message>
    <message>
        <source>founded {date}</source>
        <translation>{date}設立</translation>
    </message>
    <message>
        <source>cited for {names}</source>
        <translation>{names} の典拠</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{year}年{month_number}月{day}日</translation>
    </message>
    <message>
        <source>Prepared by {name}</source>
        <translation>作成: {name}</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>ほか {n} 件</translation>
    </message>
    <message>
        <source>Briefing pack on {what}:</source>
        <translation>ブリーフィング資料（{what}）:</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>表紙</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>年表</translation>
    </message>
    <message>
        <source> ({n} of {count})</source>
        <translation>（{count} 枚中 {n}）</translation>
    </message>
    <message>
        <source>{name}, as of mid-1999</source>
        <translation>{name}（1999年半ば時点）</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>年譜</translation>
    </message>
    <message>
        <source>Membership matrix</source>
        <translation>参加マトリクス</translation>
    </message>
    <message>
        <source>Sources, by sheet</source>
        <translation>出典（シート別）</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目次</translation>
    </message>
    <message>
        <source>Forum Atlas · data version {version} · printed {day} {month} {year}
Source: R. A. Cossa and A. Fukushima, Security Multilateralism in Asia, IGCC Policy Paper 51 (June 1999); facts as of mid-1999.</source>
        <translation>Forum Atlas · データ版 {version} · 印刷 {year}年{month_number}月{day}日
出典: R. A. Cossa and A. Fukushima, Security Multilateralism in Asia, IGCC Policy Paper 51 (June 1999)。内容は 1999年半ば時点。</translation>
    </message>
    <message>
        <source>{page} of {pages}</source>
        <translation>{page} / {pages} ページ</translation>
    </message>
    <message>
        <source>The Japan row restores, from the paper&apos;s prose, its lost Figure 3: the Asia-Pacific security dialogues in which Japan is involved.</source>
        <translation>日本の行は、論文で失われた図 3（日本が関わるアジア太平洋の安全保障対話）を本文の記述から復元したものです。</translation>
    </message>
    <message>
        <source>1 forum</source>
        <translation>フォーラム 1 件</translation>
    </message>
    <message>
        <source>{n} forums</source>
        <translation>フォーラム {n} 件</translation>
    </message>
    <message>
        <source>1 participant</source>
        <translation>参加主体 1 件</translation>
    </message>
    <message>
        <source>{n} participants</source>
        <translation>参加主体 {n} 件</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>出来事 1 件</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>出来事 {n} 件</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>人物 1 名</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>人物 {n} 名</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>1 forum sheet</source>
        <translation>フォーラムのシート 1 枚</translation>
    </message>
    <message>
        <source>{n} forum sheets</source>
        <translation>フォーラムのシート {n} 枚</translation>
    </message>
    <message>
        <source>1 participant sheet (as of 1999)</source>
        <translation>参加主体のシート 1 枚（1999年時点）</translation>
    </message>
    <message>
        <source>{n} participant sheets (as of 1999)</source>
        <translation>参加主体のシート {n} 枚（1999年時点）</translation>
    </message>
    <message>
        <source>1 person sheet</source>
        <translation>人物のシート 1 枚</translation>
    </message>
    <message>
        <source>{n} person sheets</source>
        <translation>人物のシート {n} 枚</translation>
    </message>
    <message>
        <source>Chronology (1 event from the basket)</source>
        <translation>年譜（バスケットの出来事 1 件）</translation>
    </message>
    <message>
        <source>Chronology ({n} events from the basket)</source>
        <translation>年譜（バスケットの出来事 {n} 件）</translation>
    </message>
    <message>
        <source>Chronology (the forums&apos; events)</source>
        <translation>年譜（フォーラムの出来事）</translation>
    </message>
    <message>
        <source>The events in the basket, in date order.</source>
        <translation>バスケット内の出来事（日付順）。</translation>
    </message>
    <message>
        <source>The events of the forums in this pack, in date order.</source>
        <translation>この資料に含まれるフォーラムの出来事（日付順）。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Every passage of the paper the sheets cite, under the numbers their notes carry on each sheet.</source>
        <translation>各シートが引く論文の箇所すべてを、そのシートの注の番号で掲げます。</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>{page} ページ</translation>
    </message>
    <message>
        <source>Grew out of</source>
        <translation>前身</translation>
    </message>
    <message>
        <source>Modelled on</source>
        <translation>手本</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>支援対象</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>後継元</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>上位機関</translation>
    </message>
    <message>
        <source>Companion of</source>
        <translation>姉妹機関</translation>
    </message>
    <message>
        <source>Proposed as</source>
        <translation>提案時の名称</translation>
    </message>
    <message>
        <source>Gave rise to</source>
        <translation>派生</translation>
    </message>
    <message>
        <source>Model for</source>
        <translation>手本とした機関</translation>
    </message>
    <message>
        <source>Supported by</source>
        <translation>支援元</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>後継</translation>
    </message>
    <message>
        <source>Includes</source>
        <translation>下部機関</translation>
    </message>
    <message>
        <source>Proposal for</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>{n}, in the atlas.</source>
        <translation>{n} 件（アトラスに収録）。</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>most recent first</source>
        <translation>新しい順</translation>
    </message>
    <message>
        <source>The atlas holds 1 earlier event ({years}).</source>
        <translation>アトラスにはこれ以前の出来事が 1 件あります（{years}）。</translation>
    </message>
    <message>
        <source>The atlas holds {n} earlier events ({years}).</source>
        <translation>アトラスにはこれ以前の出来事が {n} 件あります（{years}）。</translation>
    </message>
    <message>
        <source>The atlas holds 1 other event ({years}).</source>
        <translation>アトラスにはほかに出来事が 1 件あります（{years}）。</translation>
    </message>
    <message>
        <source>The atlas holds {n} other events ({years}).</source>
        <translation>アトラスにはほかに出来事が {n} 件あります（{years}）。</translation>
    </message>
    <message>
        <source>{n}, in the atlas ({years}).</source>
        <translation>{n} 件（アトラスに収録、{years}）。</translation>
    </message>
    <message>
        <source>What the authors say</source>
        <translation>著者の見解</translation>
    </message>
    <message>
        <source>(and {n} more in the atlas)</source>
        <translation>（ほか {n} 件をアトラスに収録）</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>The passages themselves: the sources appendix of a briefing pack, or Forum Atlas.</source>
        <translation>引用文そのものはブリーフィング資料の出典付録または Forum Atlas で。</translation>
    </message>
    <message>
        <source>represented by</source>
        <translation>代表:</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>代表団</translation>
    </message>
    <message>
        <source>(not members)</source>
        <translation>（メンバーではない）</translation>
    </message>
    <message>
        <source>Sub-bodies ({n})</source>
        <translation>下部機関 ({n})</translation>
    </message>
    <message>
        <source>Among other forums</source>
        <translation>他のフォーラムとの関係</translation>
    </message>
    <message>
        <source>Related forums</source>
        <translation>関連フォーラム</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>トラック</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>設立</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Also called</source>
        <translation>別名</translation>
    </message>
    <message>
        <source>Who takes part</source>
        <translation>参加主体</translation>
    </message>
    <message>
        <source>Who was named</source>
        <translation>名前の挙がった主体</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Where the source disagrees with itself</source>
        <translation>原典内の食い違い</translation>
    </message>
    <message>
        <source>Japanese name</source>
        <translation>日本語名</translation>
    </message>
    <message>
        <source>(our translation, not from the paper)</source>
        <translation>（本アプリによる訳語。論文の記載ではありません）</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>正式名称</translation>
    </message>
    <message>
        <source>Active forums in 1999</source>
        <translation>1999年に活動中のフォーラム</translation>
    </message>
    <message>
        <source>Historical bodies</source>
        <translation>過去の機関</translation>
    </message>
    <message>
        <source>as of mid-1999</source>
        <translation>1999年半ば時点</translation>
    </message>
    <message>
        <source>Forums active in mid-1999, by track</source>
        <translation>1999年半ばに活動中のフォーラム（トラック別）</translation>
    </message>
    <message>
        <source>newest first</source>
        <translation>新しい順</translation>
    </message>
    <message>
        <source>Forums active in mid-1999</source>
        <translation>1999年半ばに活動中のフォーラム</translation>
    </message>
    <message>
        <source>The paper names none.</source>
        <translation>論文には記載がありません。</translation>
    </message>
    <message>
        <source>{forum} (for {member})</source>
        <translation>{forum}（{member} の代表として）</translation>
    </message>
    <message>
        <source>Represents</source>
        <translation>代表する対象</translation>
    </message>
    <message>
        <source>Its own initiatives</source>
        <translation>自らの取り組み</translation>
    </message>
    <message>
        <source>Absent or excluded ({n}):</source>
        <translation>不参加・排除 ({n}):</translation>
    </message>
    <message>
        <source>Historical bodies ({n}):</source>
        <translation>過去の機関 ({n}):</translation>
    </message>
    <message>
        <source>(never realised)</source>
        <translation>（実現せず）</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Hosted</source>
        <translation>主催</translation>
    </message>
    <message>
        <source>Chairs</source>
        <translation>議長</translation>
    </message>
    <message>
        <source>Co-chairs</source>
        <translation>共同議長</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>資金提供</translation>
    </message>
    <message>
        <source>Named in proposals</source>
        <translation>提案で名前が挙がった</translation>
    </message>
    <message>
        <source>Chaired meetings</source>
        <translation>議長を務めた会合</translation>
    </message>
    <message>
        <source>Participant sheet, as of mid-1999, from {source}</source>
        <translation>参加主体シート（1999年半ば時点）、出典: {source}</translation>
    </message>
    <message>
        <source>Fact sheet, from {source}</source>
        <translation>ファクトシート、出典: {source}</translation>
    </message>
    <message>
        <source>Comparison sheet, from {source}</source>
        <translation>比較シート、出典: {source}</translation>
    </message>
    <message>
        <source>Briefing pack on {what}, from {source}</source>
        <translation>ブリーフィング資料（{what}）、出典: {source}</translation>
    </message>
</context>
<context>
    <name>SheetPagesDialog</name>
    <message>
        <source>Fact sheet of {name}</source>
        <translation>{name} のファクトシート</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ数</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 ページ</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} ページ</translation>
    </message>
    <message>
        <source>all {total} events (a line counts them)</source>
        <translation>出来事 {total} 件すべて（件数を 1 行で示す）</translation>
    </message>
    <message>
        <source>{left} of the {total} events (a line counts them)</source>
        <translation>出来事 {total} 件のうち {left} 件（件数を 1 行で示す）</translation>
    </message>
    <message>
        <source>the sources’ quoted passages (the sources stay, by part and section)</source>
        <translation>典拠の引用文（典拠は部と節で残る）</translation>
    </message>
    <message>
        <source>the mini-timeline</source>
        <translation>小年表</translation>
    </message>
    <message>
        <source>the related forums (a line counts them)</source>
        <translation>関連フォーラム（件数を 1 行で示す）</translation>
    </message>
    <message>
        <source>the delegations (a line counts them)</source>
        <translation>代表機関（件数を 1 行で示す）</translation>
    </message>
    <message>
        <source>the authors’ judgements (a line counts them)</source>
        <translation>著者の評価（件数を 1 行で示す）</translation>
    </message>
    <message>
        <source>Everything the sheet holds fits on {pages}.</source>
        <translation>シートの内容はすべて {pages} に収まります。</translation>
    </message>
    <message>
        <source>On {pages} the sheet leaves out: {what}.</source>
        <translation>{pages} では次を省きます：{what}。</translation>
    </message>
    <message>
        <source>The whole sheet takes {whole} pages.</source>
        <translation>シート全体は {whole} ページです。</translation>
    </message>
    <message>
        <source>The whole sheet would take {whole} pages, more than the {most} a sheet may have.</source>
        <translation>シート全体は {whole} ページになり、上限の {most} ページを超えます。</translation>
    </message>
    <message>
        <source>Use {whole} pages: the whole sheet</source>
        <translation>{whole} ページにする（シート全体）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
</context>
<context>
    <name>SourcePassage</name>
    <message>
        <source>line {n}</source>
        <translation>{n} 行目</translation>
    </message>
    <message>
        <source>To read the whole paragraph, point Forum Atlas at your copy of the paper: File › Open source text…</source>
        <translation>段落全体を読むには、手元の論文テキストを Forum Atlas で指定してください: ファイル › 原文テキストを開く…</translation>
    </message>
    <message>
        <source>This quote was not found on that line of your copy of the paper.</source>
        <translation>この引用は、手元の論文テキストの該当行に見つかりませんでした。</translation>
    </message>
</context>
<context>
    <name>SourcePassageDialog</name>
    <message>
        <source>Source: line {n}</source>
        <translation>出典: {n} 行目</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>出典をコピー</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Cannot write {path}: {why}.</source>
        <translation>{path} を書き込めません: {why}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: use a .png or .svg file name.</source>
        <translation>{path} を書き込めません: .png か .svg のファイル名にしてください。</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表 (*.csv)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>{title} を書き出す</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
</context>
<context>
    <name>TeamBaskets</name>
    <message>
        <source>{0} (shared)</source>
        <translation>{0}（共有）</translation>
    </message>
    <message>
        <source>{0} — {1}’s</source>
        <translation>{0} — {1} のもの</translation>
    </message>
    <message>
        <source>You have no basket yet: adding a record makes one, private to you.</source>
        <translation>バスケットはまだありません。記録を追加すると、あなた専用のバスケットが作られます。</translation>
    </message>
    <message>
        <source>{0}’s basket, shared with the team: you can read it here; only {0} changes it.</source>
        <translation>{0} のバスケット（チームと共有）：ここで読めます。変更できるのは {0} だけです。</translation>
    </message>
    <message>
        <source>Your basket, shared with the team.</source>
        <translation>あなたのバスケット（チームと共有）。</translation>
    </message>
    <message>
        <source>Your basket, private: only you see it.</source>
        <translation>あなたのバスケット（非公開）：あなただけが見られます。</translation>
    </message>
    <message>
        <source>New basket</source>
        <translation>新しいバスケット</translation>
    </message>
    <message>
        <source>Rename basket</source>
        <translation>バスケットの名前を変更</translation>
    </message>
    <message>
        <source>Name of the basket (private to you until you share it):</source>
        <translation>バスケットの名前（共有するまではあなた専用）：</translation>
    </message>
    <message>
        <source>Delete basket</source>
        <translation>バスケットを削除</translation>
    </message>
    <message>
        <source>Delete the basket {0} and its list of {1} records? The records stay in the atlas; your notes are not touched.</source>
        <translation>バスケット {0} と、その {1} 件の記録の一覧を削除しますか？記録はアトラスに残り、メモはそのままです。</translation>
    </message>
    <message>
        <source>The basket was not changed: {0}</source>
        <translation>バスケットは変更されませんでした：{0}</translation>
    </message>
</context>
<context>
    <name>TeamLink</name>
    <message>
        <source>Team notes: connecting…</source>
        <translation>チームのメモ：接続中…</translation>
    </message>
    <message>
        <source>Connecting… to the team&apos;s notes on {0}</source>
        <translation>{0} のチームのメモに接続中…</translation>
    </message>
    <message>
        <source>Your note was changed elsewhere (another window or computer) while you edited it; both texts are kept, yours below a marker line.</source>
        <translation>編集中のメモが別の場所（別のウィンドウかコンピューター）で変更されました。両方の文章を残し、あなたの文章は区切り線の下にあります。</translation>
    </message>
    <message>
        <source>no answer for {0} s</source>
        <translation>{0} 秒間応答なし</translation>
    </message>
    <message>
        <source>Team notes: online</source>
        <translation>チームのメモ：オンライン</translation>
    </message>
    <message>
        <source>Team notes: read-only</source>
        <translation>チームのメモ：読み取り専用</translation>
    </message>
    <message>
        <source>Team notes: offline, {0} queued</source>
        <translation>チームのメモ：オフライン、{0} 件待機中</translation>
    </message>
    <message>
        <source>Team notes on {where} as {role}</source>
        <translation>チームのノート: {where}（{role} として接続）</translation>
    </message>
    <message>
        <source>Team notes on {where} as {role}, read-only: your role may read the team&apos;s notes but not change them; what you type is kept here as a draft</source>
        <translation>チームのノート: {where}（{role} として接続）、読み取り専用: この役割ではチームのノートを読めますが変更できません。入力した内容はこのコンピューターに下書きとして保存されます</translation>
    </message>
    <message>
        <source>Team server unreachable ({why}): working offline; 1 change queued here, sent when it is back.</source>
        <translation>チームのサーバーに接続できません（{why}）: オフラインで作業中です。変更 1 件をこのコンピューターに保留し、接続が戻ったら送信します。</translation>
    </message>
    <message>
        <source>Team server unreachable ({why}): working offline; {count} changes queued here, sent when it is back.</source>
        <translation>チームのサーバーに接続できません（{why}）: オフラインで作業中です。変更 {count} 件をこのコンピューターに保留し、接続が戻ったら送信します。</translation>
    </message>
    <message>
        <source>starred by {0}</source>
        <translation>{0} がスター</translation>
    </message>
    <message>
        <source>Connect to team</source>
        <translation>チームに接続</translation>
    </message>
    <message>
        <source>PostgreSQL connection URL of your team&apos;s notes, for example
postgresql://you@notes.example.org/briefings?sslmode=require
A password typed here goes to the system keyring, never to the settings; else it comes from ~/.pgpass or the service file. Empty: notes on this computer.</source>
        <translation>チームのメモの PostgreSQL 接続 URL。例：
postgresql://you@notes.example.org/briefings?sslmode=require
ここで入力したパスワードはシステムのキーリングに保存され、設定には保存されません。入力しない場合は ~/.pgpass またはサービスファイルから読みます。空欄：このコンピューターのメモ。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>&lt;b&gt;{n} events&lt;/b&gt;, {span}&lt;br&gt;Click or zoom in to separate them</source>
        <translation>&lt;b&gt;出来事 {n} 件&lt;/b&gt;、{span}&lt;br&gt;クリックまたは拡大で個別に表示</translation>
    </message>
    <message>
        <source>founding date not given</source>
        <translation>設立日の記載なし</translation>
    </message>
    <message>
        <source> to {date}</source>
        <translation>～{date}</translation>
    </message>
    <message>
        <source>Perhaps not yet founded at the as-of date</source>
        <translation>指定時点ではまだ設立されていなかった可能性あり</translation>
    </message>
    <message>
        <source>Active (to source date, {date})</source>
        <translation>活動中（原典の時点 {date} まで）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活動中</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{year}年{month_number}月</translation>
    </message>
    <message>
        <source>Active (to as-of date, {date})</source>
        <translation>活動中（指定時点 {date} まで）</translation>
    </message>
    <message>
        <source>Events merged (zoom in)</source>
        <translation>まとめて表示した出来事（拡大で展開）</translation>
    </message>
    <message>
        <source>Defunct</source>
        <translation>消滅</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>提案のみ</translation>
    </message>
    <message>
        <source>Date uncertain</source>
        <translation>日付不確か</translation>
    </message>
    <message>
        <source>{first} – {last} {year}</source>
        <translation>{year}年{first_number}月～{last_number}月</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>年表</translation>
    </message>
</context>
<context>
    <name>UserDataUI</name>
    <message>
        <source>Basket, bookmarks and notes</source>
        <translation>バスケット・ブックマーク・ノート</translation>
    </message>
    <message>
        <source>Your notes open once the atlas has loaded.</source>
        <translation>アトラスの読み込みが終わるとノートを開けます。</translation>
    </message>
    <message>
        <source>Your note was not saved</source>
        <translation>ノートは保存されていません</translation>
    </message>
    <message>
        <source>Forum Atlas could not save your note, so closing now would lose it.</source>
        <translation>Forum Atlas はノートを保存できませんでした。いま閉じるとノートが失われます。</translation>
    </message>
    <message>
        <source>Copy note to clipboard and close</source>
        <translation>ノートをクリップボードにコピーして閉じる</translation>
    </message>
    <message>
        <source>Discard note and close</source>
        <translation>ノートを破棄して閉じる</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>あなたのノート</translation>
    </message>
    <message>
        <source>Select a forum, event or participant to write a note on it.</source>
        <translation>ノートを書くには、フォーラム・出来事・参加主体を選んでください。</translation>
    </message>
    <message>
        <source>Your note on {name}</source>
        <translation>{name} についてのノート</translation>
    </message>
    <message>
        <source>your own words — not from the paper</source>
        <translation>あなた自身の記述 — 論文からの引用ではありません</translation>
    </message>
    <message>
        <source>an orphaned note: this record is no longer in the atlas; the note is kept</source>
        <translation>孤立したノート: このレコードはアトラスにもうありません。ノートは残しています</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>編集中…</translation>
    </message>
    <message>
        <source>Your note was not saved ({why}). The text is kept in this window; Forum Atlas tries again with your next change.</source>
        <translation>ノートは保存されませんでした（{why}）。テキストはこのウィンドウに残っており、次の変更時にもう一度保存を試みます。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Your note on {name} was changed elsewhere (another window or an import) while you edited it; both texts are kept, yours below a marker line.</source>
        <translation>編集中に {name} のノートが別の場所（別のウィンドウまたはインポート）で変更されました。両方のテキストを残し、あなたのテキストは区切り線の下にあります。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>The bookmark was not saved ({why}).</source>
        <translation>ブックマークは保存されませんでした（{why}）。</translation>
    </message>
    <message>
        <source>The basket was not saved ({why}).</source>
        <translation>バスケットは保存されませんでした（{why}）。</translation>
    </message>
    <message>
        <source>Added {name} to the basket</source>
        <translation>{name} をバスケットに追加しました</translation>
    </message>
    <message>
        <source>{name} is already in the basket</source>
        <translation>{name} はすでにバスケットにあります</translation>
    </message>
    <message>
        <source>The basket order was not saved ({why}).</source>
        <translation>バスケットの並び順は保存されませんでした（{why}）。</translation>
    </message>
    <message>
        <source>in the basket</source>
        <translation>バスケットにあり</translation>
    </message>
    <message>
        <source>bookmarked</source>
        <translation>ブックマーク済み</translation>
    </message>
    <message>
        <source>has your note</source>
        <translation>ノートあり</translation>
    </message>
    <message>
        <source>Already in the basket</source>
        <translation>バスケットに追加済み</translation>
    </message>
    <message>
        <source>Export your notes</source>
        <translation>ノートを書き出す</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <source>Forum Atlas could not write {path}: {why}. Your notes are unchanged.</source>
        <translation>Forum Atlas は {path} に書き込めませんでした: {why}。ノートは変更されていません。</translation>
    </message>
    <message>
        <source>Exported {n} notes to {path}</source>
        <translation>{n} 件のノートを {path} に書き出しました</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>&lt;h3&gt;Searching the atlas&lt;/h3&gt;
&lt;p&gt;Type words: every word must appear (in a name, acronym, alias, summary, quotation or your notes). A word is
also a prefix: &lt;b&gt;secur&lt;/b&gt; finds security. British and American spellings are the same word (defence, defense;
organisation, organization), and so are the synonyms listed in the data&apos;s &lt;tt&gt;synonyms.yaml&lt;/tt&gt;
(track II, track two, track 2; CBM, confidence-building measures).&lt;/p&gt;
&lt;table cellspacing=4&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;&quot;preventive diplomacy&quot;&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;the words together, in this order&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;track:2&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;Track 2 forums (also 1, 1.5, none; several: &lt;tt&gt;track:1,1.5&lt;/tt&gt;)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;member:kp&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;forums a participant belongs to (an id or a name: &lt;tt&gt;member:DPRK&lt;/tt&gt;)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;year:1994&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;founded or held that year; also &lt;tt&gt;year:1993..1995&lt;/tt&gt;, &lt;tt&gt;year:1990s&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;kind:proposal&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;one kind of record, forum or event&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;status:defunct&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;active, defunct or proposed in 1999&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;author:cossa&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;claims and quotations of one author (cossa, fukushima, preface)&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;An exact name, acronym or alias ranks first: &lt;b&gt;JDA&lt;/b&gt; puts the Japan Defense Agency at the top.
Ctrl+F or / goes to the search box; Enter opens the first hit; Escape clears the box.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;アトラスの検索&lt;/h3&gt;
&lt;p&gt;語句を入力します。すべての語句を含むもの（名称、略称、別名、概要、引用、あなたのノート）が見つかります。語句は前方一致でも働きます: &lt;b&gt;secur&lt;/b&gt; で security が見つかります。英米のつづりの違いは同じ語として扱います（defence と defense、organisation と organization）。データの &lt;tt&gt;synonyms.yaml&lt;/tt&gt; にある同義語も同様です（track II、track two、track 2。CBM と confidence-building measures）。参加主体と主要フォーラムは日本語名でも検索できます（&lt;b&gt;日本&lt;/b&gt;、&lt;b&gt;地域フォーラム&lt;/b&gt;）。日本語名は本アプリによる訳語で、論文の記載ではありません。&lt;/p&gt;
&lt;table cellspacing=4&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;&quot;preventive diplomacy&quot;&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;語句をこの順に続けて含むもの&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;track:2&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;トラック2 のフォーラム（1、1.5、none も可。複数指定: &lt;tt&gt;track:1,1.5&lt;/tt&gt;）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;member:kp&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;参加主体が属するフォーラム（ID か名称: &lt;tt&gt;member:DPRK&lt;/tt&gt;）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;year:1994&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;その年に設立・開催されたもの。&lt;tt&gt;year:1993..1995&lt;/tt&gt;、&lt;tt&gt;year:1990s&lt;/tt&gt; も可&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;kind:proposal&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;レコード、フォーラム、出来事の種類を一つに絞る&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;status:defunct&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;1999年時点で活動中（active）、消滅（defunct）、提案のみ（proposed）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;tt&gt;author:cossa&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;特定の著者の見解と引用（cossa、fukushima、preface）&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;名称・略称・別名が完全に一致するものが先頭に来ます: &lt;b&gt;JDA&lt;/b&gt; で防衛庁（Japan Defense Agency）が最初に表示されます。
Ctrl+F または / で検索欄へ。Enter で最初の結果を開き、Esc で検索欄を空にします。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation>文字サイズ {percent}%</translation>
    </message>
    <message>
        <source>This record has no place on the timeline (or is filtered out).</source>
        <translation>このレコードは年表に表示されません（または絞り込みで除外されています）。</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>検索の書き方</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>マトリクス</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>年譜</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Views: detail, matrix, chronology, compare</source>
        <translation>ビュー: 詳細、マトリクス、年譜、比較</translation>
    </message>
    <message>
        <source>Add forums to the basket (Ctrl+B) to compare them.</source>
        <translation>比較するにはフォーラムをバスケットに追加してください (Ctrl+B)。</translation>
    </message>
    <message>
        <source>Add participants to the basket (Ctrl+B) to compare them.</source>
        <translation>比較するには参加主体をバスケットに追加してください (Ctrl+B)。</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Track</source>
        <translation>トラック</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>Status in 1999</source>
        <translation>1999年の状況</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参加主体</translation>
    </message>
    <message>
        <source>Track 1 (official)</source>
        <translation>トラック1（政府間）</translation>
    </message>
    <message>
        <source>Track 1.5 (mixed)</source>
        <translation>トラック1.5（官民混合）</translation>
    </message>
    <message>
        <source>Track 2 (non-governmental)</source>
        <translation>トラック2（民間）</translation>
    </message>
    <message>
        <source>Active in 1999</source>
        <translation>1999年に活動中</translation>
    </message>
    <message>
        <source>Defunct by 1999</source>
        <translation>1999年までに消滅</translation>
    </message>
    <message>
        <source>Proposed, never realised</source>
        <translation>提案のみ・未実現</translation>
    </message>
    <message>
        <source>U.S. view (Cossa)</source>
        <translation>米国の視点（コッサ）</translation>
    </message>
    <message>
        <source>Cossa</source>
        <translation>コッサ</translation>
    </message>
    <message>
        <source>The U.S. view (Cossa)</source>
        <translation>米国の視点（コッサ）</translation>
    </message>
    <message>
        <source>Japanese view (Fukushima)</source>
        <translation>日本の視点（福島）</translation>
    </message>
    <message>
        <source>Fukushima</source>
        <translation>福島</translation>
    </message>
    <message>
        <source>The Japanese view (Fukushima)</source>
        <translation>日本の視点（福島）</translation>
    </message>
    <message>
        <source>Preface (Haggard and Pinkston)</source>
        <translation>序文（ハガード、ピンクストン）</translation>
    </message>
    <message>
        <source>Preface</source>
        <translation>序文</translation>
    </message>
    <message>
        <source>The preface (Haggard and Pinkston)</source>
        <translation>序文（ハガード、ピンクストン）</translation>
    </message>
    <message>
        <source>Haggard and Pinkston</source>
        <translation>ハガード、ピンクストン</translation>
    </message>
    <message>
        <source>Front matter</source>
        <translation>前付け</translation>
    </message>
    <message>
        <source>Forums</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>フォーラム</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加主体</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>見解</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>見解</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Founding</source>
        <translation>設立</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>演説</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>宣言</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>合意</translation>
    </message>
    <message>
        <source>Dissolution</source>
        <translation>解散</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>危機</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>No track</source>
        <translation>トラックなし</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>国際機関</translation>
    </message>
    <message>
        <source>Alliance</source>
        <translation>同盟</translation>
    </message>
    <message>
        <source>Treaty body</source>
        <translation>条約体制</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>対話</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>交渉</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>作業部会</translation>
    </message>
    <message>
        <source>Study project</source>
        <translation>研究プロジェクト</translation>
    </message>
    <message>
        <source>Trilateral</source>
        <translation>三か国協議</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Economic forum</source>
        <translation>経済フォーラム</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>全世界</translation>
    </message>
    <message>
        <source>Asia-Pacific</source>
        <translation>アジア太平洋</translation>
    </message>
    <message>
        <source>East Asia</source>
        <translation>東アジア</translation>
    </message>
    <message>
        <source>Northeast Asia</source>
        <translation>北東アジア</translation>
    </message>
    <message>
        <source>Southeast Asia</source>
        <translation>東南アジア</translation>
    </message>
    <message>
        <source>Korean Peninsula</source>
        <translation>朝鮮半島</translation>
    </message>
    <message>
        <source>North Pacific</source>
        <translation>北太平洋</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>欧州</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>二国間</translation>
    </message>
    <message>
        <source>Founder</source>
        <translation>創設者</translation>
    </message>
    <message>
        <source>Proposer</source>
        <translation>提唱者</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>議長</translation>
    </message>
    <message>
        <source>Co-chair</source>
        <translation>共同議長</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主催</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>資金提供者</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>加盟候補</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>準メンバー</translation>
    </message>
    <message>
        <source>Dialogue partner</source>
        <translation>対話パートナー</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>オブザーバー</translation>
    </message>
    <message>
        <source>Private capacity</source>
        <translation>個人資格</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>不参加</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Not a party</source>
        <translation>非当事者</translation>
    </message>
    <message>
        <source>Prospective participant</source>
        <translation>参加予定</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>Cool</source>
        <translation>消極的</translation>
    </message>
    <message>
        <source>Opposed</source>
        <translation>反対</translation>
    </message>
    <message>
        <source>supports</source>
        <translation>を支援</translation>
    </message>
    <message>
        <source>grew out of</source>
        <translation>の前身は</translation>
    </message>
    <message>
        <source>modelled on</source>
        <translation>の手本は</translation>
    </message>
    <message>
        <source>proposed as</source>
        <translation>の提案名は</translation>
    </message>
    <message>
        <source>companion of</source>
        <translation>の姉妹機関は</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>の後継元は</translation>
    </message>
    <message>
        <source>part of</source>
        <translation>の上位機関は</translation>
    </message>
    <message>
        <source>Chicago author-date</source>
        <translation>シカゴ（著者・年方式）</translation>
    </message>
    <message>
        <source>APA (7th edition)</source>
        <translation>APA（第 7 版）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Institute</source>
        <translation>研究機関</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>政府機関</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Declaration or agreement</source>
        <translation>宣言・合意</translation>
    </message>
    <message>
        <source>Other (speech, etc.)</source>
        <translation>その他（演説など）</translation>
    </message>
    <message>
        <source>Context (no forum)</source>
        <translation>背景（フォーラムなし）</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>肯定的</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>否定的</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>賛否混在</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>参加関係</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>代表団</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>関係</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>食い違い</translation>
    </message>
    <message>
        <source>Citations</source>
        <translation>引用箇所</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Your copy of the paper&apos;s text</source>
        <translation>手元の論文テキスト</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>テキストファイル (*.txt)</translation>
    </message>
    <message>
        <source>Export the atlas as JSON</source>
        <translation>アトラスを JSON で書き出す</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <source>Forum Atlas could not write {path}: {why}.</source>
        <translation>Forum Atlas は {path} に書き込めませんでした: {why}。</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>年表を書き出す</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
    <message>
        <source>Select a forum or a participant to print its fact sheet.</source>
        <translation>ファクトシートを印刷するには、フォーラムか参加主体を選んでください。</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>未読み込み</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Forum Atlas {version}&lt;/h3&gt;&lt;p&gt;Asia-Pacific security forums as described in &lt;i&gt;Security Multilateralism in Asia: Views from the United States and Japan&lt;/i&gt; (IGCC Policy Paper 51, June 1999).&lt;/p&gt;&lt;p&gt;Data version {data}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Forum Atlas {version}&lt;/h3&gt;&lt;p&gt;&lt;i&gt;Security Multilateralism in Asia: Views from the United States and Japan&lt;/i&gt;（IGCC Policy Paper 51、1999年6月）に記されたアジア太平洋の安全保障フォーラム。&lt;/p&gt;&lt;p&gt;データ版 {data}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Forum Atlas</source>
        <translation>Forum Atlas について</translation>
    </message>
</context>
</TS>
