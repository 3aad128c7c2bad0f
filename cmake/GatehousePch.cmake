# Precompiled Qt headers for the targets with many sources (each part of the core, the console's widgets): parsing
# QtCore's and QtWidgets' headers is most of what compiling one of their files costs, and CI compiles the tree twice.
# Each target precompiles its own (its compile definitions differ with the Qt modules it links), so a header is
# always valid where it is used. -DGATEHOUSE_PCH=OFF builds without (a compiler cache that cannot use them, say).
set(GATEHOUSE_PCH_CORE
    <QByteArray> <QByteArrayView> <QDateTime> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue>
    <QList> <QObject> <QString> <QStringList> <QTimer> <functional> <memory> <optional>)
set(GATEHOUSE_PCH_WIDGETS
    ${GATEHOUSE_PCH_CORE}
    <QAbstractItemModel> <QAbstractTableModel> <QComboBox> <QDialog> <QHBoxLayout> <QLabel> <QLineEdit>
    <QPushButton> <QTableView> <QVBoxLayout> <QWidget>)

# gatehouse_precompile_qt(TARGET [WIDGETS])
function(gatehouse_precompile_qt target)
    if(NOT GATEHOUSE_PCH)
        return()
    endif()
    if("WIDGETS" IN_LIST ARGN)
        target_precompile_headers(${target} PRIVATE ${GATEHOUSE_PCH_WIDGETS})
    else()
        target_precompile_headers(${target} PRIVATE ${GATEHOUSE_PCH_CORE})
    endif()
endfunction()
